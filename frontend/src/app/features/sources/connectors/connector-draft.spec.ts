import type { ConnectorDefinition } from '@switchyard/contracts';
import { BLANK_CONNECTOR, copyOf, draftSource, parseDraft, splitTrialErrors } from './connector-draft';

describe('connector drafts', () => {
  it('copies a built-in without what the server adds, under a new id and name', () => {
    const saved = {
      ...BLANK_CONNECTOR,
      id: 'simulator-ticketing',
      name: 'Ticketing',
      builtIn: true,
      version: 1,
      createdAt: null,
      updatedAt: null,
      generatedAt: '2026-11-26T10:00:00.000Z',
    } as ConnectorDefinition;
    const copy = copyOf(saved);
    expect(copy.id).toBe('simulator-ticketing-copy');
    expect(copy.name).toBe('Ticketing (copy)');
    expect(Object.keys(copy)).not.toContain('builtIn');
    expect(Object.keys(copy)).not.toContain('generatedAt');
    expect(copy.streams).toEqual(BLANK_CONNECTOR.streams);
  });

  it('says why a definition is not usable JSON', () => {
    expect(parseDraft('{"id": "x"}')).toEqual({ ok: true, value: { id: 'x' } });
    expect(parseDraft('[1]')).toEqual({ ok: false, message: 'The definition must be a JSON object.' });
    const broken = parseDraft('{"id": ');
    expect(broken.ok).toBe(false);
  });

  it('splits API field errors into the connector JSON paths and the draft source inputs', () => {
    const { connector, source } = splitTrialErrors(
      new Map([
        ['connector.streams.0.records.0.fields.status', 'incidents has no field status'],
        ['source.connector.config.baseUrl', 'is required'],
      ]),
    );
    expect([...connector]).toEqual([['streams.0.records.0.fields.status', 'incidents has no field status']]);
    expect([...source]).toEqual([['connector.config.baseUrl', 'is required']]);
  });

  it('makes a throwaway source naming the draft connector', () => {
    const source = draftSource(
      'my-connector',
      { stream: 'tickets', credentialId: '', config: { baseUrl: 'x', y: '' } },
      '',
    );
    expect(source.connector).toEqual({
      id: 'my-connector',
      stream: 'tickets',
      credentialId: null,
      config: { baseUrl: 'x' },
    });
    expect(source.tenant).toBeNull();
  });
});
