import {
  FIELD_AGGREGATES,
  RECORD_SCHEMAS,
  RECORD_TYPES,
  SOURCE_DOMAINS,
  type ConnectorDefinitionInput,
  type FieldMapping,
  type JsonValue,
  type RecordFieldSpec,
} from '@switchyard/contracts';
import { z } from 'zod';
import { parsePath } from '../engine/paths';
import { isKnownFilter, templateFilters, templateVariables } from '../engine/template';
import { isTimeZone } from '../../common/time/zoned-time';

export const CONNECTOR_ID = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const HEADER = /^[A-Za-z0-9-]{1,64}$/;

const json: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string().max(4000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(json).max(200),
    z.record(z.string(), json),
  ]),
);

const path = z
  .string()
  .max(300)
  .superRefine((value, ctx) => {
    try {
      parsePath(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });

/** Variables a template may read, by where it is used. */
const REQUEST_VARS = ['config', 'credential', 'cursor', 'now', 'since', 'source'];
const RECORD_VARS = ['record', 'parent', 'config', 'value'];

const template = (allowed: string[]) =>
  z
    .string()
    .max(2000)
    .superRefine((value, ctx) => {
      for (const name of templateVariables(value)) {
        if (!allowed.includes(name)) {
          ctx.addIssue({ code: 'custom', message: `unknown variable "${name}" (use ${allowed.join(', ')})` });
        }
      }
      for (const filter of templateFilters(value)) {
        if (!isKnownFilter(filter)) ctx.addIssue({ code: 'custom', message: `unknown filter "${filter}"` });
      }
    });

const requestTemplate = template(REQUEST_VARS);
const recordTemplate = template(RECORD_VARS);
const timeZone = z.string().refine(isTimeZone, 'must be an IANA time zone like Europe/Berlin');

const transform = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('string') }),
  z.strictObject({ type: z.literal('number') }),
  z.strictObject({ type: z.literal('integer') }),
  z.strictObject({ type: z.literal('boolean') }),
  z.strictObject({ type: z.literal('trim') }),
  z.strictObject({ type: z.literal('lowercase') }),
  z.strictObject({ type: z.literal('uppercase') }),
  z.strictObject({ type: z.literal('empty-to-null') }),
  z.strictObject({
    type: z.literal('date-time'),
    format: z.enum(['iso', 'sql', 'epoch-seconds', 'epoch-ms']).optional(),
    timeZone: timeZone.optional(),
  }),
  z.strictObject({ type: z.literal('date') }),
  z.strictObject({
    type: z.literal('local-date-time'),
    timeZone,
    timeZoneFrom: z.array(path).min(1).max(5).optional(),
  }),
  z
    .strictObject({
      type: z.literal('enum'),
      map: z.record(z.string().max(200), json).refine((m) => Object.keys(m).length <= 500, 'at most 500 entries'),
      default: json.optional(),
      keepUnmapped: z.boolean().optional(),
    })
    .refine((t) => !(t.keepUnmapped && t.default !== undefined), {
      message: 'give either default or keepUnmapped, not both',
      path: ['keepUnmapped'],
    }),
  z.strictObject({ type: z.literal('scale'), factor: z.number().finite() }),
  z.strictObject({ type: z.literal('template'), template: recordTemplate }),
  z.strictObject({ type: z.literal('lookup'), match: path, equals: z.string().max(200), take: path }),
  z.strictObject({ type: z.literal('count'), match: path.optional(), equals: z.string().max(200).optional() }),
  z.strictObject({ type: z.literal('first') }),
  z.strictObject({ type: z.literal('strip-prefix'), prefix: z.string().min(1).max(200) }),
]);

const recordFilter = z
  .strictObject({
    path,
    equals: z.string().max(200).optional(),
    in: z.array(z.string().max(200)).min(1).max(100).optional(),
  })
  .refine((f) => f.equals !== undefined || f.in !== undefined, 'give equals or in');

const fieldMapping: z.ZodType<FieldMapping> = z.union([
  path,
  z
    .strictObject({
      aggregate: z.enum(FIELD_AGGREGATES).optional(),
      filter: recordFilter.optional(),
      path: path.optional(),
      concat: z.array(path).min(1).max(10).optional(),
      coalesce: z.array(path).min(1).max(10).optional(),
      separator: z.string().max(10).optional(),
      const: json.optional(),
      template: recordTemplate.optional(),
      transforms: z.array(transform).max(10).optional(),
      default: json.optional(),
    })
    .refine(
      (m) => [m.path, m.concat, m.coalesce, m.const, m.template].filter((v) => v !== undefined).length <= 1,
      'give at most one of path, concat, coalesce, const and template',
    )
    .refine(
      (m) =>
        m.aggregate === undefined ||
        (m.concat === undefined && m.coalesce === undefined && m.const === undefined && m.template === undefined),
      'an aggregate reads a path (or, for count, nothing)',
    )
    .refine((m) => m.filter === undefined || m.aggregate !== undefined, 'filter needs an aggregate')
    .refine(
      (m) => m.aggregate === undefined || m.aggregate === 'count' || m.path !== undefined,
      'this aggregate needs a path',
    ),
]);

const usesAggregate = (mapping: FieldMapping | undefined) =>
  mapping !== undefined && typeof mapping !== 'string' && mapping.aggregate !== undefined;

const recordMapping = z
  .strictObject({
    target: z.enum(RECORD_TYPES),
    selector: path,
    primaryKey: fieldMapping,
    updatedAt: fieldMapping.optional(),
    filter: recordFilter.optional(),
    groupBy: fieldMapping.optional(),
    fields: z.record(z.string().max(64), fieldMapping),
  })
  .superRefine((record, ctx) => {
    if (record.groupBy === undefined) {
      const mappings: Array<[string[], FieldMapping | undefined]> = [
        [['primaryKey'], record.primaryKey],
        [['updatedAt'], record.updatedAt],
        ...Object.entries(record.fields).map(([name, m]): [string[], FieldMapping] => [['fields', name], m]),
      ];
      for (const [at, mapping] of mappings) {
        if (usesAggregate(mapping)) {
          ctx.addIssue({ code: 'custom', path: at, message: 'an aggregate needs the record mapping’s groupBy' });
        }
      }
    } else if (usesAggregate(record.groupBy)) {
      ctx.addIssue({ code: 'custom', path: ['groupBy'], message: 'the group key cannot be an aggregate' });
    }
    const specs = RECORD_SCHEMAS[record.target].fields as Record<string, RecordFieldSpec>;
    for (const name of Object.keys(record.fields)) {
      if (!(name in specs)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', name],
          message: `${record.target} records have no field "${name}" (they have ${Object.keys(specs).join(', ')})`,
        });
      }
    }
    for (const [name, spec] of Object.entries(specs)) {
      if (spec.required && record.fields[name] === undefined) {
        ctx.addIssue({ code: 'custom', path: ['fields', name], message: `is required by ${record.target} records` });
      }
    }
  });

const param = z.string().regex(/^[A-Za-z_$][\w.[\]$-]{0,63}$/, 'must be a query parameter name');
const pageSize = z.number().int().min(1).max(10_000);
const maxPages = z.number().int().min(1).max(10_000).optional();

const pagination = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({
    type: z.literal('page'),
    pageParam: param,
    sizeParam: param.optional(),
    pageSize,
    firstPage: z.number().int().min(0).max(1).optional(),
    lastPagePath: path.optional(),
    maxPages,
  }),
  z.strictObject({
    type: z.literal('offset'),
    offsetParam: param,
    limitParam: param,
    pageSize,
    totalPath: path.optional(),
    lastPagePath: path.optional(),
    maxPages,
  }),
  z.strictObject({
    type: z.literal('cursor'),
    cursorParam: param,
    cursorPath: path,
    sizeParam: param.optional(),
    pageSize: pageSize.optional(),
    maxPages,
  }),
  z.strictObject({ type: z.literal('next-url'), nextUrlPath: path, maxPages }),
  z.strictObject({
    type: z.literal('link-header'),
    sizeParam: param.optional(),
    pageSize: pageSize.optional(),
    maxPages,
  }),
]);

const incremental = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('cursor'),
    cursorField: z.string().max(64).optional(),
    query: z.record(param, requestTemplate),
    lookbackSeconds: z
      .number()
      .int()
      .min(0)
      .max(366 * 86_400)
      .optional(),
  }),
  z.strictObject({
    type: z.literal('sync-token'),
    tokenPath: path,
    param,
    expiredStatuses: z.array(z.number().int().min(400).max(499)).max(5).optional(),
  }),
]);

const stream = z
  .strictObject({
    name: z.string().regex(NAME, 'must be a name like issues or hot_list'),
    label: z.string().max(100).optional(),
    description: z.string().max(1000).optional(),
    domain: z.enum(SOURCE_DOMAINS),
    request: z.strictObject({
      method: z.enum(['GET', 'POST']).optional(),
      path: requestTemplate,
      query: z.record(param, requestTemplate).optional(),
      headers: z.record(z.string().regex(HEADER, 'must be an HTTP header name'), requestTemplate).optional(),
      body: json.optional(),
    }),
    pagination: pagination.optional(),
    incremental: incremental.optional(),
    volatileFields: z.array(path).max(20).optional(),
    records: z.array(recordMapping).min(1).max(5),
  })
  .superRefine((s, ctx) => {
    s.records.forEach((record, index) => {
      const domain = RECORD_SCHEMAS[record.target].domain;
      if (domain !== s.domain) {
        ctx.addIssue({
          code: 'custom',
          path: ['records', index, 'target'],
          message: `${record.target} records belong to the ${domain} domain, not ${s.domain}`,
        });
      }
    });
  });

const tokenUrl = requestTemplate;
const auth = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({
    type: z.literal('basic'),
    username: requestTemplate.optional(),
    password: requestTemplate.optional(),
  }),
  z.strictObject({ type: z.literal('bearer'), token: requestTemplate.optional() }),
  z.strictObject({
    type: z.literal('api-keys'),
    keys: z
      .array(
        z.strictObject({
          in: z.enum(['header', 'query']),
          name: z.string().regex(HEADER, 'must be a header or parameter name'),
          value: requestTemplate,
        }),
      )
      .min(1)
      .max(10),
  }),
  z.strictObject({
    type: z.literal('oauth2-client-credentials'),
    tokenUrl,
    scope: z.string().max(1000).optional(),
    clientAuth: z.enum(['basic', 'body']).optional(),
  }),
  z.strictObject({
    type: z.literal('oauth2-refresh-token'),
    tokenUrl,
    scope: z.string().max(1000).optional(),
    clientAuth: z.enum(['basic', 'body']).optional(),
  }),
  z.strictObject({
    type: z.literal('jwt-bearer'),
    tokenUrl: tokenUrl.optional(),
    scope: z.string().min(1).max(1000),
    subject: z.string().max(320).optional(),
  }),
]);

export const connectorDefinitionSchema = z
  .strictObject({
    id: z.string().regex(CONNECTOR_ID, 'must be 3–64 lowercase letters, digits or dashes'),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    documentationUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    baseUrl: requestTemplate.refine(
      (value) => /^(https?:\/\/|\{\{)/.test(value),
      'must start with http://, https:// or a {{config.…}} placeholder',
    ),
    config: z
      .array(
        z.strictObject({
          name: z.string().regex(NAME),
          label: z.string().min(1).max(100),
          required: z.boolean().optional(),
          default: z.string().max(2000).optional(),
          description: z.string().max(1000).optional(),
        }),
      )
      .max(30)
      .optional(),
    auth,
    headers: z.record(z.string().regex(HEADER, 'must be an HTTP header name'), requestTemplate).optional(),
    rateLimit: z
      .strictObject({
        retryAfter: z.string().regex(HEADER).optional(),
        remaining: z.string().regex(HEADER).optional(),
        reset: z.string().regex(HEADER).optional(),
        resetFormat: z.enum(['epoch-seconds', 'delta-seconds', 'epoch-ms', 'http-date']).optional(),
        statuses: z.array(z.number().int().min(400).max(599)).max(5).optional(),
      })
      .optional(),
    streams: z.array(stream).min(1).max(50),
  })
  .superRefine((connector, ctx) => {
    const names = new Set<string>();
    connector.streams.forEach((s, index) => {
      if (names.has(s.name))
        ctx.addIssue({ code: 'custom', path: ['streams', index, 'name'], message: 'is used twice' });
      names.add(s.name);
    });
    const configNames = new Set((connector.config ?? []).map((c) => c.name));
    const used = JSON.stringify(connector).matchAll(/\{\{\s*config\.([A-Za-z_][\w-]*)/g);
    for (const [, name] of used) {
      if (!configNames.has(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['config'],
          message: `templates use config.${name}, which is not declared`,
        });
      }
    }
  });

export type ParsedConnectorDefinition = z.output<typeof connectorDefinitionSchema>;

// The schema and the shared contract must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _matchesContract: Same<ParsedConnectorDefinition, ConnectorDefinitionInput> = true;
void _matchesContract;
