import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { startTestApp, type TestApp } from '../../test/support/test-app';

interface ParsedFamily {
  name: string;
  type: string;
  metrics: unknown[];
}

describe('/metrics', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('parses as Prometheus text with the request histogram labelled by route template', async () => {
    await fetch(`${app.baseUrl}/api/v1/system/instances?page=1`, { headers: await app.adminHeaders() });
    await fetch(`${app.baseUrl}/api/v1/nowhere`);
    const response = await fetch(`${app.baseUrl}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const families = parsePrometheusTextFormat(text) as ParsedFamily[];
    const histogram = families.find((f) => f.name === 'http_request_duration_seconds');
    expect(histogram?.type).toBe('HISTOGRAM');
    // The parser drops histogram labels, so read the series names from the text itself.
    const series = text.split('\n').filter((line) => line.startsWith('http_request_duration_seconds_count{'));
    expect(series).toContainEqual(
      expect.stringMatching(
        /^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/system\/instances",status_code="200"\} [1-9]/,
      ),
    );
    // Query strings and unknown paths never become label values.
    expect(series.filter((line) => line.includes('?') || line.includes('nowhere'))).toEqual([]);
    expect(series).toContainEqual(expect.stringContaining('route="/*",status_code="404"'));
  });

  it('includes process metrics', async () => {
    const families = parsePrometheusTextFormat(await (await fetch(`${app.baseUrl}/metrics`)).text()) as ParsedFamily[];
    const names = families.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'process_cpu_seconds_total',
        'process_resident_memory_bytes',
        'nodejs_eventloop_lag_seconds',
      ]),
    );
  });
});
