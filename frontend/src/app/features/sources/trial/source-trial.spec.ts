import { HttpErrorResponse } from '@angular/common/http';
import type { SourcePreviewResult } from '@switchyard/contracts';
import { apiError } from '../../../core/auth/testing/session.factory';
import { cellText, describeTrialFailure, previewTables } from './source-trial';

const PREVIEW: SourcePreviewResult = {
  ok: false,
  connectorId: 'simulator-ticketing',
  stream: 'tickets',
  requestUrl: 'http://127.0.0.1:4319/ticketing/api/v3/tickets',
  status: 200,
  durationMs: 12,
  recordCount: 3,
  hasMorePages: false,
  error: null,
  records: [
    {
      target: 'incidents',
      externalId: 'INC1',
      updatedAt: '2026-11-26T10:00:00.000Z',
      values: { kind: 'incident', title: 'Printer on fire', severity: 'high', state: 'new' },
    },
  ],
  fieldErrors: [
    { record: 2, externalId: 'INC3', target: 'incidents', field: 'severity', message: '"urgent" is not one of …' },
    { record: 2, externalId: 'INC3', target: 'incidents', field: 'reportedAt', message: 'is required' },
  ],
};

describe('source trial view', () => {
  it('reads an upstream failure: plain cause, category, upstream status', () => {
    const error = new HttpErrorResponse({
      status: 502,
      error: apiError('UPSTREAM_ERROR', 'The upstream refused the credentials', {
        details: { syncErrorCode: 'UPSTREAM_AUTH_FAILED', category: 'auth', upstreamStatus: 401 },
      }),
    });
    expect(describeTrialFailure(error)).toEqual({
      kind: 'upstream',
      message: 'The upstream refused the credentials',
      code: 'UPSTREAM_AUTH_FAILED',
      category: 'auth',
      upstreamStatus: 401,
    });
  });

  it('reads a refused draft with its fields by path', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: apiError('VALIDATION_FAILED', 'Invalid request', {
        fields: [{ field: 'source.connector.config.baseUrl', message: 'is required' }],
      }),
    });
    const failure = describeTrialFailure(error);
    expect(failure.kind).toBe('invalid');
    expect(failure.kind === 'invalid' && failure.fields.get('source.connector.config.baseUrl')).toBe('is required');
  });

  it('lays out a table per record type: schema fields as columns, failed records with their errors', () => {
    const [table] = previewTables(PREVIEW);
    expect(table.target).toBe('incidents');
    expect(table.fields.slice(0, 4)).toEqual(['kind', 'title', 'severity', 'state']);
    expect(table.rows).toHaveLength(2);
    const [failed, ok] = table.rows;
    expect(ok.failed).toBe(false);
    expect(ok.cells.find((c) => c.field === 'title')?.text).toBe('Printer on fire');
    expect(failed).toMatchObject({ failed: true, externalId: 'INC3', record: 2 });
    expect(failed.cells.find((c) => c.field === 'severity')?.error).toContain('urgent');
    expect(failed.cells.find((c) => c.field === 'title')?.error).toBeUndefined();
  });

  it('shows objects as JSON and cuts long text', () => {
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(null)).toBe('');
    expect(cellText('x'.repeat(200))).toHaveLength(80);
  });
});
