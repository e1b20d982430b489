import { Reflector, ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { CLIENT_SCOPES, SCOPE_PERMISSIONS } from '@switchyard/contracts';
import { PUBLIC_ROUTE } from '../auth/decorators';

export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

/** Where the client-credentials grant is served (root, like an identity provider's). */
const TOKEN_PATH = '/auth/token';
const ERROR_SCHEMA = { $ref: '#/components/schemas/ApiErrorResponseModel' };

type Operation = OpenAPIObject['paths'][string]['get'] & object;

export function buildOpenApiDocument(app: NestFastifyApplication, version: string, origin: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Switchyard API')
    .setDescription(
      [
        'Live data integration hub for operational dashboards.',
        '',
        'Conventions: every answer has a root `generatedAt` (ISO 8601, UTC). Lists take',
        '`page`/`pageSize` (or `limit`/`offset`) and answer `page`, `pageSize`, `total`;',
        'when both styles are sent, `page`/`pageSize` win. Errors always have the shape',
        '`{ "error": { "code", "message", "retryAfter"?, "traceId", "fields"? } }`.',
        'Send `X-Trace-Id` to correlate a call with server logs; it is echoed back, or one is generated.',
        '',
        'Authentication: a Bearer access token (JWT) from `POST /auth/login` (people) or',
        '`POST /auth/token` (OAuth2 client credentials, for services). Operations marked with',
        'an empty security list are public.',
      ].join('\n'),
    )
    .setVersion(version)
    .addServer('{origin}', 'This Switchyard instance', {
      origin: { default: origin, description: 'Scheme, host and port the instance is reached at.' },
    })
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token (RS256 JWT).' },
      'bearer',
    )
    .addOAuth2(
      {
        type: 'oauth2',
        description: 'Service clients: the client credentials grant; send the token as a Bearer token.',
        flows: {
          clientCredentials: {
            tokenUrl: `${origin}${TOKEN_PATH}`,
            scopes: Object.fromEntries(
              CLIENT_SCOPES.map((scope) => [scope, `Grants ${SCOPE_PERMISSIONS[scope].join(', ')}.`]),
            ),
          },
        },
      },
      'oauth2',
    )
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('oauth2')
    .build();
  // The package is UNLICENSED (proprietary); the terms are the operator's, reached through the instance.
  config.info.license = { name: 'Proprietary (UNLICENSED)', url: `${origin}/` };
  const document = SwaggerModule.createDocument(app, config);
  markSecurity(document, publicOperationIds(app));
  return document;
}

export function mountOpenApi(app: NestFastifyApplication, document: OpenAPIObject): void {
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    useGlobalPrefix: false,
    raw: ['json'],
  });
}

/** `Controller_method` of every handler that is `@Public()` (itself or through its class). */
function publicOperationIds(app: NestFastifyApplication): Set<string> {
  const reflector = app.get(Reflector);
  const ids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!type) continue;
      const prototype = type.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, type]) === true;
        if (isPublic) ids.add(`${type.name}_${name}`);
      }
    }
  }
  return ids;
}

/**
 * Public operations get `security: []` (the root requirement does not apply to them); the
 * others document the guard's 401 and 403. Every operation names at least one 4xx answer.
 */
function markSecurity(document: OpenAPIObject, publicIds: Set<string>): void {
  const error = (description: string) => ({ description, content: { 'application/json': { schema: ERROR_SCHEMA } } });
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const) {
      const operation: Operation | undefined = item[method];
      if (!operation) continue;
      const responses = operation.responses;
      if (publicIds.has(operation.operationId ?? '')) {
        operation.security = [];
      } else {
        responses['401'] ??= error('No valid access token (code UNAUTHENTICATED).');
        responses['403'] ??= error('The token lacks the permission this operation needs (code FORBIDDEN).');
      }
      if (!Object.keys(responses).some((status) => status.startsWith('4'))) {
        responses['4XX'] = error('A request Switchyard cannot serve as sent (e.g. a wrong method or path).');
      }
    }
  }
}
