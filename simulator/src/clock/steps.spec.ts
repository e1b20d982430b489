import { StepClock } from './steps';

describe('StepClock', () => {
  const start = 1_000_000;

  it('schedules whole steps on a fixed grid', () => {
    const clock = new StepClock(start, 100);
    expect(clock.due(start + 99)).toEqual([]);
    expect(clock.due(start + 350)).toEqual([start + 100, start + 200, start + 300]);
    expect(clock.due(start + 350)).toEqual([]);
  });

  it('drops steps scheduled inside a freeze instead of postponing them', () => {
    const clock = new StepClock(start, 100);
    clock.freeze(start + 150, start + 420);
    expect(clock.due(start + 600)).toEqual([start + 100, start + 500, start + 600]);
  });

  it('reports the data time as the start of the freeze, following back-to-back freezes', () => {
    const clock = new StepClock(start, 100);
    clock.freeze(start + 200, start + 300);
    clock.freeze(start + 300, null);
    expect(clock.dataTime(start + 100)).toBe(start + 100);
    expect(clock.dataTime(start + 900)).toBe(start + 200);
    expect(clock.frozenAt(start + 250)).toBe(true);
    expect(clock.frozenAt(start + 199)).toBe(false);
  });
});
