import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

export function buildOpenApiDocument(app: NestFastifyApplication, version: string): OpenAPIObject {
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
      ].join('\n'),
    )
    .setVersion(version)
    .build();
  return SwaggerModule.createDocument(app, config);
}

export function mountOpenApi(app: NestFastifyApplication, document: OpenAPIObject): void {
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    useGlobalPrefix: false,
    raw: ['json'],
  });
}
