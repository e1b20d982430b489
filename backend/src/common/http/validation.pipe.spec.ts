import { MAX_PAGE_SIZE } from '@switchyard/contracts';
import { ValidationFailedException } from '../errors/domain-exception';
import { PageQueryDto } from '../pagination/page-query.dto';
import { oneOf, QueryField } from './query-fields';
import { createValidationPipe } from './validation.pipe';

class ListQuery extends PageQueryDto {
  @QueryField(oneOf('status', ['open', 'closed']).optional(), { enum: ['open', 'closed'] })
  status?: string;
}

function fieldErrors(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedException);
    return (error as ValidationFailedException).extra.fields;
  }
  throw new Error('expected a validation failure');
}

describe('the edge validation pipe', () => {
  const pipe = createValidationPipe();
  const asQuery = { type: 'query', metatype: ListQuery } as const;

  it('parses a query by its class and the classes it extends, giving each handler its own plain object', () => {
    const query = Object.assign(Object.create(null) as object, { page: '2', status: 'open' });
    const first = pipe.transform(query, asQuery) as ListQuery;
    expect(first).toEqual({ page: 2, status: 'open' });
    expect(pipe.transform(query, asQuery)).not.toBe(first);
    expect(pipe.transform({}, asQuery)).toEqual({});
  });

  it('names every bad or unknown parameter once, in the API error format', () => {
    const response = fieldErrors(() => pipe.transform({ page: 'two', pageSize: '0', colour: 'red' }, asQuery));
    expect(response).toEqual(
      expect.arrayContaining([
        { field: 'page', message: 'page must be a whole number' },
        { field: 'pageSize', message: `pageSize must be between 1 and ${MAX_PAGE_SIZE}` },
        { field: 'colour', message: 'colour is not a known field' },
      ]),
    );
    expect(response).toHaveLength(3);
  });

  it('refuses NUL characters in queries, path parameters and bodies', () => {
    expect(fieldErrors(() => pipe.transform({ status: 'op\u0000en' }, asQuery))).toEqual([
      { field: 'status', message: 'must not contain NUL characters' },
    ]);
    expect(fieldErrors(() => pipe.transform('a\u0000', { type: 'param', data: 'id' }))).toMatchObject([
      { field: 'id' },
    ]);
    expect(fieldErrors(() => pipe.transform({ a: ['\u0000'] }, { type: 'body', metatype: Object }))).toMatchObject([
      { field: 'a.0' },
    ]);
  });

  it('passes bodies typed unknown, named parameters and custom parameters through untouched', () => {
    const body = { anything: 1 };
    expect(pipe.transform(body, { type: 'body', metatype: Object })).toBe(body);
    expect(pipe.transform('x', { type: 'query', data: 'returnTo', metatype: String })).toBe('x');
    const socket = { id: 's1' };
    expect(pipe.transform(socket, { type: 'custom', metatype: ListQuery })).toBe(socket);
  });

  it('fails closed on a typed query or body whose class declares no rules', () => {
    class Undeclared {
      page?: number;
    }
    const undeclaredQuery = () => pipe.transform({ page: '1' }, { type: 'query', metatype: Undeclared });
    const typedBody = () => pipe.transform({}, { type: 'body', metatype: ListQuery });
    expect(undeclaredQuery).toThrow(/declares no @QueryField/);
    expect(typedBody).toThrow(/declares no @QueryField|bodies/);
  });
});
