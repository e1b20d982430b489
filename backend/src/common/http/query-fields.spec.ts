import { commaList, isoDateTime, matching, QueryField, querySchemaOf } from './query-fields';
import { toFieldErrors } from './zod-validation';

describe('query rules', () => {
  it('accepts ISO 8601 calendar dates and date-times that name a real instant, and nothing else', () => {
    const rule = isoDateTime('since must be an ISO 8601 date-time');
    for (const good of [
      '2026-01-31',
      '2024-02-29',
      '2026-01-31T09:30',
      '2026-01-31T09:30:00Z',
      '2026-01-31T09:30:00.123+02:00',
    ]) {
      expect(rule.safeParse(good).success).toBe(true);
    }
    for (const bad of [
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '31/01/2026',
      'yesterday',
      '2026-01-31T25:00:00Z',
      '',
      ['2026-01-31'],
    ]) {
      const result = rule.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('since must be an ISO 8601 date-time');
    }
  });

  it('joins a repeated list parameter into the comma list its rule checks', () => {
    const rule = commaList(matching(/^(a|b)(,(a|b))*$/, 'bad list'));
    expect(rule.parse(['a', 'b'])).toBe('a,b');
    expect(rule.parse('b,a')).toBe('b,a');
    expect(rule.safeParse(['a', 'c']).success).toBe(false);
  });

  it('keeps the first problem per parameter and names unknown ones', () => {
    expect(
      toFieldErrors(
        [
          { code: 'custom', path: ['from'], message: 'from is wrong', input: 'x' },
          { code: 'custom', path: ['from'], message: 'from is still wrong', input: 'x' },
          { code: 'unrecognized_keys', path: [], keys: ['colour', 'size'], message: 'x', input: {} },
        ],
        'query',
      ),
    ).toEqual([
      { field: 'from', message: 'from is wrong' },
      { field: 'colour', message: 'colour is not a known field' },
      { field: 'size', message: 'size is not a known field' },
    ]);
  });
});

describe('a query class', () => {
  class BaseQuery {
    @QueryField(matching(/^\d+$/, 'page must be digits').optional(), { description: 'Page.' })
    page?: string;
  }
  class TenantQuery extends BaseQuery {
    @QueryField(matching(/^[a-z]+$/, 'tenant must be a tenant id'), { example: 'acme' })
    tenant!: string;
  }

  it('validates its own and inherited parameters, with required ones required', () => {
    const schema = querySchemaOf(TenantQuery);
    expect(schema?.safeParse({ tenant: 'acme', page: '2' })).toEqual({
      success: true,
      data: { tenant: 'acme', page: '2' },
    });
    expect(schema?.safeParse({ page: '2' }).success).toBe(false);
    expect(querySchemaOf(BaseQuery)?.safeParse({ page: '2' }).success).toBe(true);
    expect(querySchemaOf(BaseQuery)?.safeParse({ tenant: 'acme' }).success).toBe(false);
    expect(querySchemaOf(class Empty {})).toBeNull();
  });

  it('describes the same parameters to Swagger, required as the rule says', () => {
    const described = (key: string): { required?: boolean; description?: string } =>
      Reflect.getMetadata('swagger/apiModelProperties', TenantQuery.prototype, key) as { required?: boolean };
    expect(Reflect.getMetadata('swagger/apiModelPropertiesArray', TenantQuery.prototype)).toEqual([':page', ':tenant']);
    expect(described('tenant')).toMatchObject({ example: 'acme' });
    expect(described('tenant').required).not.toBe(false);
    expect(described('page')).toMatchObject({ required: false, description: 'Page.' });
  });
});
