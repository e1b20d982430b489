import { formatLiveTopic, parseLiveTopic } from '@switchyard/contracts';
import fc from 'fast-check';
import { decodePosition, encodePosition } from '../../src/realtime/sse-sink';
import { simulatorHris } from '../../src/connectors/builtin/simulator.connectors';
import { connectorDefinitionSchema } from '../../src/connectors/definition/connector.schema';
import { sourceDefinitionSchema } from '../../src/sources/dto/source-definition.schema';

// Properties of the parsers that take untrusted text: they never throw, and what they
// accept is exactly what their formatter produces.
const RUNS = { numRuns: 500 };
const topicParam = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/);

describe('bad input: parsers and validators (property-based)', () => {
  it('parseLiveTopic never throws, and every accepted topic formats back to itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ maxLength: 500 })), (text) => {
        const parsed = parseLiveTopic(text);
        if (parsed !== null) expect(formatLiveTopic(parsed)).toBe(text);
      }),
      RUNS,
    );
  });

  it('parseLiveTopic accepts every well-formed topic and refuses anything with a bad parameter', () => {
    const prefix = fc.constantFrom('source', 'crm', 'dashboard');
    fc.assert(
      fc.property(prefix, topicParam, (kind, param) => {
        expect(parseLiveTopic(`${kind}:${param}`)).not.toBeNull();
      }),
      RUNS,
    );
    const hostile = fc.constantFrom("' OR 1=1 --", '../../etc', 'a b', 'x\u0000y', '<script>', 'a:b', '*', '%00');
    fc.assert(
      fc.property(prefix, hostile, (kind, param) => {
        expect(parseLiveTopic(`${kind}:${param}`)).toBeNull();
      }),
    );
  });

  it('decodePosition never throws on anything and yields only whole, non-negative seqs', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        for (const seq of decodePosition(value).values()) {
          expect(Number.isSafeInteger(seq) && seq >= 0).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('decodePosition inverts encodePosition', () => {
    const topic = fc.tuple(fc.constantFrom('source', 'crm'), topicParam).map(([k, p]) => `${k}:${p}`);
    fc.assert(
      fc.property(fc.dictionary(topic, fc.nat()), (positions) => {
        expect(Object.fromEntries(decodePosition(encodePosition(positions)))).toEqual(positions);
      }),
      RUNS,
    );
  });

  it('the source definition schema never throws: it accepts or names the fields it refuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.object({ maxDepth: 4 })), (body) => {
        const result = sourceDefinitionSchema.safeParse(body);
        if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('the source and connector definition schemas refuse hostile ids and non-http URLs', () => {
    const base = {
      id: 'ok-source',
      name: 'ok',
      kind: 'http-pull',
      connector: { id: 'simulator-hris', stream: 'departments', credentialId: 'hris-token' },
      cadence: { type: 'interval', everySeconds: 600 },
      freshness: { warnAfterSeconds: 600, staleAfterSeconds: 1800 },
    };
    expect(sourceDefinitionSchema.safeParse(base).success).toBe(true);
    const hostileId = fc.constantFrom("x'; DROP TABLE sources; --", '../etc/passwd', '', 'a'.repeat(500), 'ä ö');
    fc.assert(
      fc.property(hostileId, (id) => {
        expect(sourceDefinitionSchema.safeParse({ ...base, id }).success).toBe(false);
      }),
    );
    const badUrl = fc.constantFrom('file:///etc/passwd', 'gopher://x', 'javascript:alert(1)', 'ftp://x/y', 'not a url');
    fc.assert(
      fc.property(badUrl, (url) => {
        const connector = { ...simulatorHris, id: 'hostile-url', baseUrl: url };
        expect(connectorDefinitionSchema.safeParse(connector).success).toBe(false);
      }),
    );
  });
});
