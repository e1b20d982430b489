import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { DomainException, RouteNotFoundException, ValidationFailedException } from './domain-exception';
import { toApiError } from './to-api-error';

const limits = { bodyLimitBytes: 1024 };

function fastifyError(code: string, statusCode: number): Error {
  return Object.assign(new Error(`internal text for ${code}`), { code, statusCode });
}

describe('toApiError', () => {
  it('keeps the code, status and retry hint of a domain exception', () => {
    const mapped = toApiError(new DomainException('RATE_LIMITED', 429, 'Slow down', { retryAfter: 30 }), limits);
    expect(mapped).toEqual({
      status: 429,
      body: { code: 'RATE_LIMITED', message: 'Slow down', retryAfter: 30 },
      unexpected: false,
    });
  });

  it('names each rejected field', () => {
    const mapped = toApiError(
      new ValidationFailedException([{ field: 'pageSize', message: 'pageSize must not be greater than 200' }]),
      limits,
    );
    expect(mapped.status).toBe(400);
    expect(mapped.body.message).toContain('pageSize');
    expect(mapped.body.fields).toEqual([{ field: 'pageSize', message: 'pageSize must not be greater than 200' }]);
  });

  it('answers 404 with ROUTE_NOT_FOUND for unknown routes', () => {
    expect(toApiError(new RouteNotFoundException('GET', '/api/v1/nope'), limits)).toMatchObject({
      status: 404,
      body: { code: 'ROUTE_NOT_FOUND' },
    });
  });

  it.each([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 413, 'PAYLOAD_TOO_LARGE'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 400, 'MALFORMED_JSON'],
  ])('maps Fastify %s to %i', (code, statusCode, status, errorCode) => {
    const mapped = toApiError(fastifyError(code, statusCode), limits);
    expect(mapped.status).toBe(status);
    expect(mapped.body.code).toBe(errorCode);
    expect(mapped.body.message).not.toContain('internal text');
  });

  it('looks through the HttpException Nest wraps around Fastify errors', () => {
    const wrapped = new HttpException('Body is not valid JSON', 400, {
      cause: fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', 400),
    });
    expect(toApiError(wrapped, limits)).toMatchObject({ status: 400, body: { code: 'MALFORMED_JSON' } });
  });

  it('says the body limit in bytes', () => {
    expect(toApiError(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413), limits).body.message).toContain('1024 bytes');
  });

  it('maps a JSON syntax error to MALFORMED_JSON', () => {
    const syntax = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), { statusCode: 400 });
    expect(toApiError(syntax, limits)).toMatchObject({ status: 400, body: { code: 'MALFORMED_JSON' } });
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(toApiError(new NotFoundException('Project p-1 is gone'), limits).body.code).toBe('NOT_FOUND');
    expect(toApiError(new NotFoundException('Cannot POST /x'), limits).body).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: 'No API route answers POST /x',
    });
    expect(toApiError(new BadRequestException(['a is bad', 'b is bad']), limits).body.message).toBe(
      'a is bad; b is bad',
    );
  });

  it('hides everything about unexpected failures', () => {
    const sqlError = new Error('duplicate key value violates unique constraint "users_pkey" SELECT * FROM users');
    const mapped = toApiError(sqlError, limits);
    expect(mapped.status).toBe(500);
    expect(mapped.unexpected).toBe(true);
    expect(JSON.stringify(mapped.body)).not.toMatch(/users|SELECT|constraint/);
    expect(toApiError(new HttpException('db password leaked', 500), limits).body.message).not.toContain('password');
  });

  it('answers 503 with a retry hint when the database cannot be reached, without the driver text', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shuttingDown = Object.assign(new Error('QueryFailedError: terminating connection'), {
      driverError: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    });
    const dropped = new Error('Connection terminated unexpectedly');
    for (const error of [refused, shuttingDown, dropped, new AggregateError([refused])]) {
      const mapped = toApiError(error, limits);
      expect(mapped.status).toBe(503);
      expect(mapped.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: 5 });
      expect(JSON.stringify(mapped.body)).not.toMatch(/ECONNREFUSED|terminating|5432/);
    }
    const badQuery = Object.assign(new Error('syntax error'), { driverError: { code: '42601' } });
    expect(toApiError(badQuery, limits).status).toBe(500);
  });
});
