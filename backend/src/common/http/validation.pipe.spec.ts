import type { ValidationError } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional } from 'class-validator';
import { ValidationFailedException } from '../errors/domain-exception';
import { createValidationPipe, flattenValidationErrors } from './validation.pipe';

describe('flattenValidationErrors', () => {
  it('names nested fields by path and rewrites unknown-field messages', () => {
    const errors: ValidationError[] = [
      { property: 'pageSize', constraints: { max: 'pageSize must not be greater than 200' }, children: [] },
      { property: 'colour', constraints: { whitelistValidation: 'property colour should not exist' }, children: [] },
      {
        property: 'filter',
        children: [{ property: 'status', constraints: { isIn: 'status must be one of open, closed' }, children: [] }],
      },
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'pageSize', message: 'pageSize must not be greater than 200' },
      { field: 'colour', message: 'colour is not a known field' },
      { field: 'filter.status', message: 'status must be one of open, closed' },
    ]);
  });
});

describe('the edge validation pipe on query strings', () => {
  class ListQuery {
    @IsOptional()
    @Type(() => Number)
    @IsInt({ message: 'page must be a whole number' })
    page?: number;

    @IsOptional()
    @IsIn(['open', 'closed'], { message: 'status must be one of open, closed' })
    status?: string;
  }
  const pipe = createValidationPipe();
  const asQuery = { type: 'query', metatype: ListQuery } as const;

  it('answers a query it accepted before with an equal object of its own, and refuses a bad one every time', async () => {
    const first = (await pipe.transform({ page: '2', status: 'open' }, asQuery)) as ListQuery;
    const second = (await pipe.transform({ page: '2', status: 'open' }, asQuery)) as ListQuery;
    expect(second).toBeInstanceOf(ListQuery);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    second.page = 99;
    expect(((await pipe.transform({ page: '2', status: 'open' }, asQuery)) as ListQuery).page).toBe(2);
    for (let i = 0; i < 2; i += 1) {
      await expect(pipe.transform({ page: 'two' }, asQuery)).rejects.toBeInstanceOf(ValidationFailedException);
    }
  });
});
