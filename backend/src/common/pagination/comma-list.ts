import { Transform } from 'class-transformer';

/**
 * A list filter sent either as one comma list (`status=At Risk,Critical`) or as repeated
 * parameters (`status=At Risk&status=Critical`, which the query parser turns into an array):
 * both become the comma list the field's validator checks.
 */
export function CommaList(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((item) => String(item)).join(',') : value,
  );
}
