import pino, { type Logger } from 'pino';
import { currentTraceId } from '../trace/trace-context';

export type { Logger } from 'pino';

const HAS_TRACE_BINDING = Symbol('hasTraceBinding');

/**
 * One JSON logger for the process. Lines written while a request is being served
 * carry its trace id, whether they come from Fastify or from any Nest service.
 */
export function createLogger(options: {
  level: string;
  instanceId: string;
  destination?: pino.DestinationStream;
}): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'switchyard', instance: options.instanceId },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'msg',
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.secret'],
        censor: '[redacted]',
      },
      mixin(_merge, _level, logger) {
        // Request loggers already bind traceId; adding it again would duplicate the key.
        if ((logger as unknown as Record<symbol, unknown>)[HAS_TRACE_BINDING]) return {};
        const traceId = currentTraceId();
        return traceId ? { traceId } : {};
      },
    },
    options.destination,
  );
}

/** Marks a request's child logger so the mixin does not repeat the trace id it binds. */
export function markTraceBound(child: Logger): Logger {
  (child as unknown as Record<symbol, unknown>)[HAS_TRACE_BINDING] = true;
  return child;
}
