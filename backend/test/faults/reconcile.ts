/**
 * The bookkeeping every fault scenario ends with: what was sent, what the system
 * acknowledged, what it stored and what reached clients, plus what failed loudly.
 * Nothing acknowledged may be lost: sent = acknowledged + failed and
 * acknowledged = stored = delivered.
 */
export interface Reconciliation {
  sent: number;
  acknowledged: number;
  stored: number;
  delivered: number;
  failed: number;
}

export function reconcile(scenario: string, counts: Reconciliation): Reconciliation {
  const line = `reconcile ${scenario}: sent=${counts.sent} acknowledged=${counts.acknowledged} stored=${counts.stored} delivered=${counts.delivered} failed=${counts.failed}`;
  process.stdout.write(`${line}\n`);
  return counts;
}

/** Asserts the two reconciliation equations (with jest's expect, so failures read well). */
export function expectReconciled(scenario: string, counts: Reconciliation): void {
  reconcile(scenario, counts);
  expect({ scenario, sent: counts.sent }).toEqual({ scenario, sent: counts.acknowledged + counts.failed });
  expect({ scenario, stored: counts.stored, delivered: counts.delivered }).toEqual({
    scenario,
    stored: counts.acknowledged,
    delivered: counts.acknowledged,
  });
}
