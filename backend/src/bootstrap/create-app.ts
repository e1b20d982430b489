import helmet from 'helmet';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { LogController, type FastifyBaseLogger } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Bindings, ChildLoggerOptions, DestinationStream } from 'pino';
import { AppModule } from '../app.module';
import {
  ApiExceptionFilter,
  Clock,
  createLogger,
  createValidationPipe,
  GeneratedAtInterceptor,
  InstanceIdentity,
  markTraceBound,
  NestPinoLogger,
  resolveTraceId,
  TRACE_HEADER,
  type Logger,
} from '../common';
import type { AppConfig } from '../config';
import { ConsoleAssets, registerConsoleFallback } from '../console';
import { MetricsService } from '../metrics';
import { LiveIoAdapter, RedisConnections } from '../realtime';
import { installHttpHooks } from './http-hooks';
import { buildOpenApiDocument, mountOpenApi } from './openapi';

export const API_PREFIX = 'api/v1';
/** A console error report: message, URL and a stack of at most 8,000 characters, with room for JSON escapes. */
const CLIENT_ERROR_BODY_LIMIT_BYTES = 32 * 1024;

export interface CreatedApp {
  app: NestFastifyApplication;
  logger: Logger;
}

/** Builds the whole HTTP application. Shared by `main.ts` and the tests. */
export async function createApp(
  config: AppConfig,
  options: { logDestination?: DestinationStream; clock?: Clock } = {},
): Promise<CreatedApp> {
  const identity = new InstanceIdentity();
  const logger = createLogger({ level: config.logLevel, instanceId: identity.id, destination: options.logDestination });
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Request lines are written once, on response, by the http hooks.
    logController: new LogController({ requestIdLogLabel: 'traceId', disableRequestLogging: true }),
    genReqId: (request: IncomingMessage) => resolveTraceId(request.headers[TRACE_HEADER]),
    childLoggerFactory: (parent: FastifyBaseLogger, bindings: Bindings, childOptions: ChildLoggerOptions) =>
      markTraceBound(parent.child(bindings, childOptions) as Logger),
    bodyLimit: config.http.bodyLimitBytes,
    // Behind a reverse proxy, client addresses (rate limits, audit) come from X-Forwarded-For.
    trustProxy: config.auth.trustProxy,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, identity, options.clock),
    adapter,
    {
      logger: new NestPinoLogger(logger),
      abortOnError: false,
      // Webhook signatures are computed over the exact bytes received.
      rawBody: true,
    },
  );

  const clock = app.get(Clock);
  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON; a text/plain body is refused with 415 rather than read as a string.
  fastify.removeContentTypeParser('text/plain');
  await app.register(fastifyCookie);
  installHttpHooks(fastify, app.get(MetricsService));
  // Integration webhooks and error reports get their own, smaller body limits; Nest adds its routes at init().
  fastify.addHook('onRoute', (route) => {
    if (route.url.startsWith('/webhooks/')) route.bodyLimit = config.integrations.bodyLimitBytes;
    if (route.url === `/${API_PREFIX}/system/client-errors`)
      route.bodyLimit = Math.min(CLIENT_ERROR_BODY_LIMIT_BYTES, config.http.bodyLimitBytes);
  });
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      // The identity endpoints live at the root, like an identity provider's.
      { path: 'auth/login', method: RequestMethod.POST },
      { path: 'auth/refresh', method: RequestMethod.POST },
      { path: 'auth/logout', method: RequestMethod.POST },
      { path: 'auth/me', method: RequestMethod.GET },
      { path: 'auth/token', method: RequestMethod.POST },
      { path: 'auth/oidc/providers', method: RequestMethod.GET },
      { path: 'auth/oidc/:provider/login', method: RequestMethod.GET },
      { path: 'auth/oidc/:provider/callback', method: RequestMethod.GET },
      { path: '.well-known/jwks.json', method: RequestMethod.GET },
      // Integration webhooks live at the root, where vendors are told to send them.
      { path: 'webhooks/:integration', method: RequestMethod.POST },
      // Seed 002's documented aggregator path (aliases of /api/v1/ops/...).
      { path: 'api/admin-dashboard/realtime', method: RequestMethod.GET },
      { path: 'api/admin-dashboard/realtime', method: RequestMethod.POST },
    ],
  });
  app.useGlobalFilters(new ApiExceptionFilter(logger, clock, { bodyLimitBytes: config.http.bodyLimitBytes }));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new GeneratedAtInterceptor(clock));
  app.enableCors({
    origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
    credentials: true,
    exposedHeaders: ['X-Trace-Id', 'Retry-After', 'ETag'],
  });
  // Security headers: helmet's middleware built once (the Fastify plugin rebuilds it per request).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        fontSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  app.useWebSocketAdapter(new LiveIoAdapter(app, config, app.get(RedisConnections)));
  await serveConsoleFiles(app);
  mountOpenApi(app, buildOpenApiDocument(app, config.version, publicOrigin(config)));
  // init() registers Nest's routes and error handler; the fallback must come after both.
  await app.init();
  registerConsoleFallback(fastify, app.get(ConsoleAssets));
  return { app, logger };
}

async function serveConsoleFiles(app: NestFastifyApplication): Promise<void> {
  const root = app.get(ConsoleAssets).root;
  if (!existsSync(root)) return;
  await app.register(fastifyStatic, {
    root,
    // One route per built file; deep links fall through to the console controller.
    wildcard: false,
    index: false,
    decorateReply: false,
    setHeaders: (reply, path) => {
      const hashed = /-[A-Z0-9]{8,}\.(js|css)$/.test(path);
      void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

/** The origin the OpenAPI document's server variable defaults to (integrators override it). */
function publicOrigin(config: AppConfig): string {
  const host = ['0.0.0.0', '::', ''].includes(config.http.host) ? 'localhost' : config.http.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.http.port}`;
}
