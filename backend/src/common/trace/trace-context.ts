import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface TraceContext {
  traceId: string;
}

const storage = new AsyncLocalStorage<TraceContext>();

/** A caller-supplied trace id is kept only if it is short and made of safe characters. */
const TRACE_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export const TRACE_HEADER = 'x-trace-id';

export function resolveTraceId(header: unknown): string {
  const value = Array.isArray(header) ? (header[0] as unknown) : header;
  return typeof value === 'string' && TRACE_ID_PATTERN.test(value) ? value : randomUUID();
}

export function runWithTrace<T>(context: TraceContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentTraceId(): string | undefined {
  return storage.getStore()?.traceId;
}
