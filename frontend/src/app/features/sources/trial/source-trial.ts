import { HttpErrorResponse } from '@angular/common/http';
import { isApiErrorResponse, RECORD_SCHEMAS, type RecordType, type SourcePreviewResult } from '@switchyard/contracts';
import { describeError, fieldErrorsOf } from '../../../core/api-error';

/** Why a test or preview did not answer records, as the trial panel shows it. */
export type TrialFailure =
  | { kind: 'upstream'; message: string; code: string | null; category: string | null; upstreamStatus: number | null }
  /** The draft itself is wrong; `fields` are keyed by their full path (`source.connector.config.baseUrl`). */
  | { kind: 'invalid'; message: string; fields: Map<string, string> }
  | { kind: 'other'; message: string; traceId?: string };

export function describeTrialFailure(error: unknown): TrialFailure {
  if (error instanceof HttpErrorResponse && isApiErrorResponse(error.error)) {
    const body = error.error.error;
    if (body.code === 'UPSTREAM_ERROR') {
      const details = body.details ?? {};
      return {
        kind: 'upstream',
        message: body.message,
        code: typeof details['syncErrorCode'] === 'string' ? details['syncErrorCode'] : null,
        category: typeof details['category'] === 'string' ? details['category'] : null,
        upstreamStatus: typeof details['upstreamStatus'] === 'number' ? details['upstreamStatus'] : null,
      };
    }
    if (body.code === 'VALIDATION_FAILED')
      return { kind: 'invalid', message: body.message, fields: fieldErrorsOf(error) };
  }
  return { kind: 'other', ...describeError(error) };
}

export interface PreviewCell {
  field: string;
  text: string;
  error?: string;
}

export interface PreviewRow {
  key: string;
  externalId: string;
  /** Why the record's id could not be read. */
  idError?: string;
  /** Index of the record in what the upstream sent; known for records that failed. */
  record: number | null;
  updatedAt: PreviewCell;
  cells: PreviewCell[];
  failed: boolean;
}

export interface PreviewTable {
  target: RecordType;
  label: string;
  fields: string[];
  rows: PreviewRow[];
}

const MAX_CELL = 80;

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

/**
 * One table per record type: its columns are the record schema's fields; the records
 * that failed first (the failing cells carry the message), then the mapped ones. (A
 * record with a field error is not mapped, so the API answers only its errors.)
 */
export function previewTables(result: SourcePreviewResult): PreviewTable[] {
  const targets = [...new Set([...result.records.map((r) => r.target), ...result.fieldErrors.map((e) => e.target)])];
  return targets.map((target) => {
    const fields = Object.keys(RECORD_SCHEMAS[target].fields);
    const mapped: PreviewRow[] = result.records
      .filter((r) => r.target === target)
      .map((r, i) => ({
        key: `ok-${i}`,
        externalId: r.externalId,
        record: null,
        updatedAt: { field: 'updatedAt', text: r.updatedAt ?? '' },
        cells: fields.map((field) => ({ field, text: cellText(r.values[field]) })),
        failed: false,
      }));
    const failures = new Map<number, Map<string, string>>();
    const ids = new Map<number, string | null>();
    for (const e of result.fieldErrors.filter((fe) => fe.target === target)) {
      const messages = failures.get(e.record) ?? new Map<string, string>();
      messages.set(e.field, messages.has(e.field) ? `${messages.get(e.field)}; ${e.message}` : e.message);
      failures.set(e.record, messages);
      ids.set(e.record, e.externalId);
    }
    const failed: PreviewRow[] = [...failures].map(([record, messages]) => ({
      key: `failed-${record}`,
      externalId: ids.get(record) ?? '',
      idError: messages.get('primaryKey'),
      record,
      updatedAt: { field: 'updatedAt', text: '', error: messages.get('updatedAt') },
      cells: fields.map((field) => ({ field, text: '', error: messages.get(field) })),
      failed: true,
    }));
    return { target, label: RECORD_SCHEMAS[target].label, fields, rows: [...failed, ...mapped] };
  });
}
