import { ratio, summarizeLeads, summarizePipeline, weekStart, weeklyProgression, type DealRow } from './crm-aggregates';
import { tenantSyncStatus } from './crm.service';
import type { SourceFreshness } from '@switchyard/contracts';

const deal = (stage: string, value: number, probability: number | null, enteredAt: string | null = null): DealRow => ({
  stage,
  value,
  probability,
  stageEnteredAt: enteredAt ? new Date(enteredAt) : null,
});

// A Wednesday; its week starts Monday 2026-03-09.
const NOW = new Date('2026-03-11T15:00:00Z');

describe('ratio', () => {
  it('divides, and gives null instead of NaN or Infinity for a zero divisor', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
  });
});

describe('summarizeLeads', () => {
  it('folds (source, status) groups into totals, counts and shares, most first', () => {
    const stats = summarizeLeads([
      { source: 'Website', status: 'New', count: 5 },
      { source: 'Website', status: 'Lost', count: 1 },
      { source: 'Referral', status: 'New', count: 2 },
      { source: 'Event', status: 'Converted', count: 2 },
    ]);
    expect(stats.total).toBe(10);
    expect(stats.bySource).toEqual([
      { key: 'Website', count: 6, share: 0.6 },
      { key: 'Event', count: 2, share: 0.2 },
      { key: 'Referral', count: 2, share: 0.2 },
    ]);
    expect(stats.byStatus).toEqual([
      { key: 'New', count: 7, share: 0.7 },
      { key: 'Converted', count: 2, share: 0.2 },
      { key: 'Lost', count: 1, share: 0.1 },
    ]);
  });

  it('answers zeros and no groups for a tenant without leads', () => {
    expect(summarizeLeads([])).toEqual({ total: 0, bySource: [], byStatus: [] });
  });
});

describe('summarizePipeline', () => {
  it('lists every funnel stage in order, empty ones with null averages, unknown stages after', () => {
    const { stages } = summarizePipeline([deal('Negotiation', 100, 50), deal('On Hold', 10, null)], NOW);
    expect(stages.map((s) => s.stage)).toEqual([
      'Prospect',
      'Discovery',
      'Proposal',
      'Negotiation',
      'Closed Won',
      'Closed Lost',
      'On Hold',
    ]);
    expect(stages[0]).toEqual({ stage: 'Prospect', count: 0, totalValue: 0, weightedValue: 0, averageValue: null });
  });

  it('weights value by probability / 100; a deal without a probability adds nothing', () => {
    const { stages, totals } = summarizePipeline(
      [
        deal('Proposal', 1000, 40),
        deal('Proposal', 3000, 60),
        deal('Proposal', 500, null),
        deal('Closed Won', 2000, 100),
        deal('Closed Lost', 800, 0),
        deal('Closed Lost', 200, 0),
      ],
      NOW,
    );
    expect(stages.find((s) => s.stage === 'Proposal')).toEqual({
      stage: 'Proposal',
      count: 3,
      totalValue: 4500,
      weightedValue: 400 + 1800,
      averageValue: 1500,
    });
    expect(totals).toEqual({ count: 6, totalValue: 7500, weightedValue: 2200 + 2000, winRate: 1 / 3 });
  });

  it('has a null win rate while no deal is closed', () => {
    expect(summarizePipeline([deal('Prospect', 10, 10)], NOW).totals.winRate).toBeNull();
    expect(summarizePipeline([], NOW).totals).toEqual({ count: 0, totalValue: 0, weightedValue: 0, winRate: null });
  });
});

describe('weekly progression', () => {
  it('starts weeks on Monday 00:00 UTC', () => {
    expect(weekStart(NOW).toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(weekStart(new Date('2026-03-08T23:59:59Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(weekStart(new Date('2026-03-09T00:00:00Z')).toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });

  it('buckets deals by the week they entered their current stage, over the last 8 weeks', () => {
    const weeks = weeklyProgression(
      [
        deal('Proposal', 1, 10, '2026-03-09T00:00:00Z'), // first instant of the current week
        deal('Proposal', 1, 10, '2026-03-10T12:00:00Z'),
        deal('Discovery', 1, 10, '2026-03-08T23:59:59Z'), // last instant of the week before
        deal('Prospect', 1, 10, '2026-01-19T08:00:00Z'), // Monday of the oldest week
        deal('Prospect', 1, 10, '2026-01-18T08:00:00Z'), // before the window
        deal('Prospect', 1, 10, null),
      ],
      NOW,
    );
    expect(weeks).toHaveLength(8);
    expect(weeks[0].weekStart).toBe('2026-01-19T00:00:00.000Z');
    expect(weeks[7].weekStart).toBe('2026-03-09T00:00:00.000Z');
    const countsOf = (i: number) => Object.fromEntries(weeks[i].entered.map((e) => [e.stage, e.count]));
    expect(countsOf(7)).toMatchObject({ Proposal: 2, Discovery: 0, Prospect: 0 });
    expect(countsOf(6)).toMatchObject({ Discovery: 1, Proposal: 0 });
    expect(countsOf(0)).toMatchObject({ Prospect: 1 });
    const all = weeks.flatMap((w) => w.entered).reduce((sum, e) => sum + e.count, 0);
    expect(all).toBe(4);
  });
});

describe('tenantSyncStatus', () => {
  const source = (
    id: string,
    state: 'fresh' | 'stale',
    lastSuccessAt: string | null,
    reason: string | null,
    lastError: SourceFreshness['lastError'] = null,
  ): SourceFreshness => ({
    id,
    name: id,
    lastSuccessAt,
    dataAsOf: null,
    ageSeconds: null,
    state,
    reason,
    lastAttemptAt: lastError?.at ?? lastSuccessAt,
    lastAttemptStatus: lastError ? 'failed' : 'succeeded',
    lastError,
    nextAttemptAt: null,
    servingCached: lastError !== null && lastSuccessAt !== null,
  });
  const failure = { code: 'UPSTREAM_SERVER_ERROR', message: '503', category: 'upstream_error', at: 'x', detail: null };

  it('takes the oldest last success, the worst state and its reason', () => {
    const status = tenantSyncStatus('acme-fitness', {
      state: 'stale',
      asOf: null,
      servingCached: true,
      sources: [
        source('leads', 'fresh', '2026-03-11T10:00:00.000Z', null),
        source('notes', 'stale', '2026-03-10T10:00:00.000Z', 'no successful sync for 25 h', failure),
      ],
    });
    expect(status).toMatchObject({
      tenant: 'acme-fitness',
      lastSuccessAt: '2026-03-10T10:00:00.000Z',
      state: 'stale',
      reason: 'notes: no successful sync for 25 h',
    });
    expect(status.sources[1].lastError?.code).toBe('UPSTREAM_SERVER_ERROR');
  });

  it('has no last success while a source never loaded, and is unavailable without sources', () => {
    const never = tenantSyncStatus('t', {
      state: 'fresh',
      asOf: null,
      servingCached: false,
      sources: [source('a', 'fresh', null, null)],
    });
    expect(never.lastSuccessAt).toBeNull();
    const none = tenantSyncStatus('t', { state: 'unavailable', asOf: null, servingCached: false, sources: [] });
    expect(none).toMatchObject({ lastSuccessAt: null, state: 'unavailable', reason: null });
  });
});
