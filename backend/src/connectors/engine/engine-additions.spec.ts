import { render, TemplateError } from './template';
import { applyTransform } from './transforms';

const context = { record: {}, parent: undefined, config: {} };

describe('the empty-to-null transform', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['2026-05-14 09:00:00', '2026-05-14 09:00:00'],
    [0, 0],
    [null, null],
    [undefined, undefined],
  ])('turns %j into %j', (value, expected) => {
    expect(applyTransform(value, { type: 'empty-to-null' }, context)).toEqual(expected);
  });

  it('lets a following date-time transform pass an unset "" date on as null', () => {
    const blank = applyTransform('', { type: 'empty-to-null' }, context);
    expect(applyTransform(blank, { type: 'date-time', format: 'sql' }, context)).toBeNull();
  });
});

describe('the minusSeconds filter', () => {
  const now = new Date('2026-05-14T09:00:00Z');

  it('takes a number of seconds', () => {
    expect(render('{{now|minusSeconds:60|epoch}}', { now })).toBe(String(now.getTime() / 1000 - 60));
  });

  it('takes a variable that holds the seconds, e.g. a connector setting', () => {
    const vars = { now, config: { lookbackSeconds: '3600' } };
    expect(render('{{now|minusSeconds:config.lookbackSeconds|iso}}', vars)).toBe('2026-05-14T08:00:00.000Z');
  });

  it('refuses a variable that holds no number', () => {
    expect(() => render('{{now|minusSeconds:config.missing}}', { now, config: {} })).toThrow(TemplateError);
    expect(() => render('{{now|minusSeconds:config.x}}', { now, config: { x: 'soon' } })).toThrow(
      'filter "minusSeconds" needs a number of seconds, got "config.x"',
    );
  });
});

describe('the enum transform with keepUnmapped', () => {
  const levels = { type: 'enum' as const, map: { new: 0, indeterminate: 50, done: 100 }, keepUnmapped: true };

  it('maps the codes it knows and keeps any other value as it is', () => {
    expect(applyTransform('done', levels, context)).toBe(100);
    expect(applyTransform(37, levels, context)).toBe(37);
    expect(applyTransform(null, levels, context)).toBeNull();
  });

  it('still refuses an unmapped value without it', () => {
    expect(() => applyTransform(37, { type: 'enum', map: { done: 100 } }, context)).toThrow(
      '37 is not one of the mapped values (done)',
    );
  });
});
