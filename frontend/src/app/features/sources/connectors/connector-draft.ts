import type { ConnectorDefinition, ConnectorDefinitionInput, SourceDefinitionInput } from '@switchyard/contracts';
import type { ConnectorBinding } from '../source-form/connector-binding.component';

/** A small working custom connector to start from: one stream of incidents behind a bearer token. */
export const BLANK_CONNECTOR: ConnectorDefinitionInput = {
  id: 'my-connector',
  name: 'My connector',
  description: 'What this system is and what it feeds.',
  baseUrl: '{{config.baseUrl}}',
  config: [{ name: 'baseUrl', label: 'Base URL', required: true, description: 'e.g. https://api.example.com' }],
  auth: { type: 'bearer' },
  streams: [
    {
      name: 'tickets',
      label: 'Tickets',
      domain: 'incidents',
      request: { path: '/tickets' },
      pagination: { type: 'none' },
      records: [
        {
          target: 'incidents',
          selector: 'items',
          primaryKey: 'id',
          updatedAt: 'updatedAt',
          fields: { kind: 'kind', title: 'title', severity: 'severity', state: 'state', reportedAt: 'createdAt' },
        },
      ],
    },
  ],
};

/** The definition as an administrator writes it: without what the server adds (the answer's stamp too). */
export function editableDefinition(
  definition: ConnectorDefinition & { generatedAt?: string },
): ConnectorDefinitionInput {
  const {
    builtIn: _builtIn,
    version: _version,
    createdAt: _created,
    updatedAt: _updated,
    generatedAt: _generated,
    ...input
  } = definition;
  return input;
}

/** A custom connector to start from a copy of `definition` (a built-in, usually). */
export function copyOf(definition: ConnectorDefinition): ConnectorDefinitionInput {
  const input = editableDefinition(definition);
  return { ...input, id: `${input.id}-copy`.slice(0, 64), name: `${input.name} (copy)` };
}

export function toJson(definition: ConnectorDefinitionInput): string {
  return JSON.stringify(definition, null, 2);
}

export type ParsedDraft = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

export function parseDraft(text: string): ParsedDraft {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { ok: false, message: 'The definition must be a JSON object.' };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The draft connector as far as the draft-source form needs it, when the JSON has that shape. */
export function draftShape(value: Record<string, unknown>): ConnectorDefinitionInput | undefined {
  const streams = value['streams'];
  const auth = value['auth'];
  if (!Array.isArray(streams) || typeof auth !== 'object' || auth === null) return undefined;
  const valid = streams.every((s: unknown) => typeof s === 'object' && s !== null && 'name' in s && 'records' in s);
  return valid ? (value as unknown as ConnectorDefinitionInput) : undefined;
}

/** A throwaway source to try the draft connector with; nothing is stored. */
export function draftSource(connectorId: string, binding: ConnectorBinding, tenant: string): SourceDefinitionInput {
  const config = Object.fromEntries(Object.entries(binding.config).filter(([, v]) => v.trim() !== ''));
  return {
    id: 'connector-draft',
    name: 'Connector draft',
    kind: 'http-pull',
    tenant: tenant.trim() || null,
    connector: { id: connectorId, stream: binding.stream, credentialId: binding.credentialId || null, config },
    cadence: { type: 'interval', everySeconds: 300 },
    freshness: { warnAfterSeconds: 900, staleAfterSeconds: 2700 },
  };
}

/** Splits the API's field errors into the connector's (by JSON path) and the draft source's. */
export function splitTrialErrors(fields: ReadonlyMap<string, string>): {
  connector: Map<string, string>;
  source: Map<string, string>;
} {
  const connector = new Map<string, string>();
  const source = new Map<string, string>();
  for (const [path, message] of fields) {
    if (path.startsWith('source.')) source.set(path.slice('source.'.length), message);
    else connector.set(path.replace(/^connector\./, ''), message);
  }
  return { connector, source };
}
