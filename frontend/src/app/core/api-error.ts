import { HttpErrorResponse } from '@angular/common/http';
import { isApiErrorResponse } from '@switchyard/contracts';

/** A failed API call as the console shows it: what happened, and the trace id to quote. */
export interface ConsoleError {
  message: string;
  traceId?: string;
}

export function describeError(error: unknown): ConsoleError {
  if (error instanceof HttpErrorResponse) {
    if (isApiErrorResponse(error.error))
      return { message: error.error.error.message, traceId: error.error.error.traceId };
    if (error.status === 0)
      return { message: 'The API cannot be reached. Check the network or that the server is running.' };
    return { message: `The API answered ${error.status} ${error.statusText}`.trim() };
  }
  return { message: error instanceof Error ? error.message : 'Unexpected error' };
}

/**
 * The fields a 400 VALIDATION_FAILED names, keyed by path with `prefix` (e.g. `source.`)
 * taken off, so a form can show each message next to its input. Empty for other errors.
 */
export function fieldErrorsOf(error: unknown, prefix = ''): Map<string, string> {
  const fields = new Map<string, string>();
  if (!(error instanceof HttpErrorResponse) || !isApiErrorResponse(error.error)) return fields;
  for (const { field, message } of error.error.error.fields ?? []) {
    const path = prefix && field.startsWith(prefix) ? field.slice(prefix.length) : field;
    const previous = fields.get(path);
    fields.set(path, previous ? `${previous}; ${message}` : message);
  }
  return fields;
}
