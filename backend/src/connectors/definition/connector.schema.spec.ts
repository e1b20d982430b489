import { BUILT_IN_CONNECTORS } from '../builtin';
import { simulatorTicketing } from '../builtin/simulator.connectors';
import { connectorDefinitionSchema } from './connector.schema';

const issuesOf = (value: unknown) => {
  const parsed = connectorDefinitionSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('connector definition schema', () => {
  it.each(BUILT_IN_CONNECTORS.map((c) => [c.id, c] as const))('accepts the built-in %s', (_id, connector) => {
    expect(issuesOf(connector)).toEqual([]);
  });

  it('names the field of a mapping onto a field the record type does not have', () => {
    const stream = simulatorTicketing.streams[0];
    const broken = {
      ...simulatorTicketing,
      streams: [
        { ...stream, records: [{ ...stream.records[0], fields: { ...stream.records[0].fields, colour: 'x' } }] },
      ],
    };
    expect(issuesOf(broken)).toEqual([
      expect.stringMatching(/^streams\.0\.records\.0\.fields\.colour: incidents records have no field "colour"/),
    ]);
  });

  it('requires every required field of the target record type', () => {
    const stream = simulatorTicketing.streams[0];
    const { severity: _dropped, ...fields } = stream.records[0].fields;
    const broken = { ...simulatorTicketing, streams: [{ ...stream, records: [{ ...stream.records[0], fields }] }] };
    expect(issuesOf(broken)).toEqual(['streams.0.records.0.fields.severity: is required by incidents records']);
  });

  it('refuses an enum transform that gives both a default and keepUnmapped', () => {
    const stream = simulatorTicketing.streams[0];
    const severity = {
      path: 'severity',
      transforms: [{ type: 'enum', map: { P1: 'critical' }, default: 'low', keepUnmapped: true }],
    };
    const fields = { ...stream.records[0].fields, severity };
    const broken = { ...simulatorTicketing, streams: [{ ...stream, records: [{ ...stream.records[0], fields }] }] };
    expect(issuesOf(broken)).toEqual([
      expect.stringMatching(/severity.*give either default or keepUnmapped, not both/),
    ]);
  });

  it('refuses unknown template variables and filters, undeclared settings and bad paths', () => {
    const stream = simulatorTicketing.streams[0];
    const broken = {
      ...simulatorTicketing,
      baseUrl: '{{config.host}}/api',
      streams: [
        {
          ...stream,
          request: { path: '/t?x={{secret}}', query: { since: '{{cursor|shout}}' } },
          records: [{ ...stream.records[0], selector: 'items[' }],
        },
      ],
    };
    const issues = issuesOf(broken).join('\n');
    expect(issues).toContain('unknown variable "secret"');
    expect(issues).toContain('unknown filter "shout"');
    expect(issues).toContain('templates use config.host, which is not declared');
    expect(issues).toContain('streams.0.records.0.selector');
  });

  it('refuses a base URL that is not http(s) or a config placeholder', () => {
    for (const baseUrl of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://x/y', 'not a url']) {
      expect(issuesOf({ ...simulatorTicketing, baseUrl })).not.toEqual([]);
    }
  });

  it('refuses a stream whose records belong to another domain', () => {
    const stream = simulatorTicketing.streams[0];
    const broken = { ...simulatorTicketing, streams: [{ ...stream, domain: 'projects' }] };
    expect(issuesOf(broken)).toContainEqual(
      'streams.0.records.0.target: incidents records belong to the incidents domain, not projects',
    );
  });
});
