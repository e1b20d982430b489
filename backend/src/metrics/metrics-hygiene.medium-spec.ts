import { spawnSync } from 'node:child_process';
import { startSyncTestbed, testSource, type SyncTestbed } from '../../test/support/sync-testbed';
import { runsInCi } from '../../test/support/test-environment';

/** promtool's path, or null when it is not installed (CI installs it: there it is required). */
function findPromtool(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : null;
}

// Security issue 19, item 11: series of deleted sources stayed on /metrics forever, and
// `promtool check metrics` found gauges named like counters.
describe('/metrics hygiene', () => {
  let bed: SyncTestbed;

  beforeAll(async () => {
    bed = await startSyncTestbed({ seed: 11 });
    await bed.createSource(testSource(bed.simulator.url, { id: 'metrics-doomed' }));
    await bed.createSource(testSource(bed.simulator.url, { id: 'metrics-kept' }));
    await bed.sync('metrics-doomed');
    await bed.sync('metrics-kept');
    // Freshness gauges are written when sources are judged.
    await bed.api('/ops/aggregate', { method: 'POST' });
  });

  afterAll(async () => {
    await bed.close();
  });

  const scrape = async () => (await fetch(`${bed.app.baseUrl}/metrics`)).text();
  const seriesOf = (text: string, source: string) =>
    text.split('\n').filter((line) => !line.startsWith('#') && line.includes(`source="${source}"`));

  it('drops every series of a source when the source is deleted', async () => {
    const before = await scrape();
    expect(seriesOf(before, 'metrics-doomed').some((l) => l.startsWith('switchyard_sync_runs_total'))).toBe(true);
    expect(seriesOf(before, 'metrics-doomed').some((l) => l.startsWith('switchyard_sync_duration_seconds'))).toBe(true);
    const deleted = await fetch(`${bed.app.baseUrl}/api/v1/sources/metrics-doomed`, {
      method: 'DELETE',
      headers: await bed.app.adminHeaders(),
    });
    expect(deleted.status).toBe(204);
    const after = await scrape();
    expect(seriesOf(after, 'metrics-doomed')).toEqual([]);
    expect(seriesOf(after, 'metrics-kept').length).toBeGreaterThan(0);
  });

  it('names gauges without a counter suffix', async () => {
    const text = await scrape();
    const gaugesNamedTotal = text
      .split('\n')
      .filter((line) => /^# TYPE \S+_total gauge$/.test(line))
      .map((line) => line.split(' ')[2]);
    expect(gaugesNamedTotal).toEqual([]);
    expect(text).toMatch(/^# TYPE nodejs_active_handles gauge$/m);
  });

  it('passes promtool check metrics (required where CI is set)', async () => {
    const promtool = findPromtool();
    if (!promtool) {
      // CI installs the Debian prometheus package (.ci/run); there a missing promtool fails.
      expect(runsInCi()).toBe(false);
      process.stdout.write('promtool is not installed here: the exposition was checked by the tests above only\n');
      return;
    }
    const checked = spawnSync(promtool, ['check', 'metrics'], { input: await scrape(), encoding: 'utf8' });
    expect({ status: checked.status, problems: `${checked.stdout}${checked.stderr}`.trim() }).toEqual({
      status: 0,
      problems: '',
    });
  });
});
