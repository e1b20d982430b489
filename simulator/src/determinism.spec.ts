import { ENDPOINTS, fetchAll, pmToken, startSimulator, call, credentials, type TestSimulator } from './spec-helpers';

describe('determinism', () => {
  // Two simulators with every vendor's data each, and a full read of both: slow on a busy machine.
  jest.setTimeout(30_000);
  const started: TestSimulator[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map(({ sim }) => sim.close()));
  });

  async function twoSimulators(seedA: number, seedB: number) {
    const a = await startSimulator({ seed: seedA });
    const b = await startSimulator({ seed: seedB });
    started.push(a, b);
    return [a, b] as const;
  }

  it('gives identical answers for the same seed and clock', async () => {
    const [a, b] = await twoSimulators(7, 7);
    expect(await fetchAll(a.sim, await pmToken(a.sim))).toEqual(await fetchAll(b.sim, await pmToken(b.sim)));
  });

  it('stays identical after the same number of steps, however they were applied', async () => {
    const [a, b] = await twoSimulators(7, 7);
    const [tokenA, tokenB] = [await pmToken(a.sim), await pmToken(b.sim)];
    // a applies 40 steps in one go; b is polled after every step.
    a.clock.advance(40 * 15_000);
    for (let i = 0; i < 40; i++) {
      b.clock.advance(15_000);
      await call(b.sim, ENDPOINTS.calendar, { headers: credentials('calendar') });
    }
    expect(await fetchAll(a.sim, tokenA)).toEqual(await fetchAll(b.sim, tokenB));
    expect(a.sim.state().vendors.pm.steps).toBe(40);
  });

  it('gives different data for a different seed', async () => {
    const [a, b] = await twoSimulators(1, 2);
    const dataA = await fetchAll(a.sim, await pmToken(a.sim));
    const dataB = await fetchAll(b.sim, await pmToken(b.sim));
    for (const path of Object.keys(dataA)) expect(dataA[path]).not.toEqual(dataB[path]);
  });

  it('keeps vendors on separate random streams', async () => {
    const [a, b] = await twoSimulators(9, 9);
    a.sim.advance('crm', 25);
    a.sim.advance('hris', 5);
    const [tokenA, tokenB] = [await pmToken(a.sim), await pmToken(b.sim)];
    const dataA = await fetchAll(a.sim, tokenA);
    const dataB = await fetchAll(b.sim, tokenB);
    expect(dataA['/pm/v2/projects?per_page=200']).toEqual(dataB['/pm/v2/projects?per_page=200']);
    expect(dataA['/calendar/v1/events?limit=100']).toEqual(dataB['/calendar/v1/events?limit=100']);
    expect(dataA['/crm/api/leads?per_page=500']).not.toEqual(dataB['/crm/api/leads?per_page=500']);
  });

  it('gives each CRM brand its own data, unaffected by which other brands exist', async () => {
    const a = await startSimulator({ seed: 5, crmBrands: ['acme-fitness', 'bright-smiles'] });
    const b = await startSimulator({ seed: 5, crmBrands: ['acme-fitness'] });
    started.push(a, b);
    const leads = async (t: TestSimulator, brand: string) =>
      (await call(t.sim, '/crm/api/leads?per_page=500', { headers: { 'x-api-key': `ct-${brand}-key` } })).text;
    expect(await leads(a, 'acme-fitness')).toEqual(await leads(b, 'acme-fitness'));
    expect(await leads(a, 'acme-fitness')).not.toEqual(await leads(a, 'bright-smiles'));
  });
});
