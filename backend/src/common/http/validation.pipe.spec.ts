import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from './validation.pipe';

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
