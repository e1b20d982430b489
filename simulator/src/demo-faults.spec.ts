import { startSimulator } from './spec-helpers';

describe('demo fault schedule', () => {
  it('starts seeded episodes on a timer and stops with close()', async () => {
    const { sim } = await startSimulator({ demoFaults: true, demoFaultsEveryMs: 80 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const faults = Object.values(sim.state().vendors).flatMap((v) => v.faults);
    expect(faults.length).toBeGreaterThanOrEqual(3);
    const kinds = new Set(faults.map((f) => `${f.vendor}:${f.type}`));
    for (const kind of kinds) {
      expect([
        'metrics:frozen',
        'prometheus:frozen',
        'ticketing:server_error',
        'servicenow:server_error',
        'crm:rate_limit',
        'clienttether:rate_limit',
        'hris:latency',
      ]).toContain(kind);
    }
    // A twin shows the same episode with the same spec (and, for the CRM, the same brand).
    const twinned = faults.filter((f) => f.vendor === 'metrics' || f.vendor === 'prometheus');
    expect(twinned.length % 2).toBe(0);
    expect(faults.every((f) => f.expiresAt !== null)).toBe(true);
    await sim.close();
  });

  it('runs the same episode order for the same seed', async () => {
    const order = async () => {
      const { sim } = await startSimulator({ seed: 8, demoFaultsEveryMs: 60, demoFaults: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
      const faults = Object.values(sim.state().vendors)
        .flatMap((v) => v.faults)
        .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
      await sim.close();
      return faults.slice(0, 2).map((f) => `${f.vendor}:${f.type}:${f.brand ?? ''}`);
    };
    const first = await order();
    expect(first.length).toBe(2);
    expect(await order()).toEqual(first);
  });
});
