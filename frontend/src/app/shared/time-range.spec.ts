import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { LiveService } from '../live/live.service';
import { EMPTY, of } from 'rxjs';
import { liveResource } from './live-resource';
import { REFRESH_CHOICES, SERIES_RANGES, pickOffered, timeRangeState } from './time-range';
import { TimeRangeComponent } from './time-range.component';

@Component({
  selector: 'sy-range-host',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TimeRangeComponent],
  template: `<sy-time-range [state]="timeRange" rangeLabel="Chart range" />`,
})
class HostComponent {
  readonly timeRange = timeRangeState(SERIES_RANGES, '1h');
  readonly loads: string[] = [];
  readonly resource = liveResource({
    params: () => this.timeRange.range(),
    load: (range) => {
      this.loads.push(range);
      return of(range);
    },
    topics: () => [],
    pollMs: () => this.timeRange.refreshMs(),
  });
}

describe('time range and auto-refresh', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideRouter([{ path: 'ops', component: HostComponent }]),
        { provide: LiveService, useValue: { watch: () => EMPTY } },
      ],
    });
  });

  afterEach(() => vi.useRealTimers());

  async function open(url: string) {
    const router = TestBed.inject(Router);
    const harness = await RouterTestingHarness.create();
    const host = await harness.navigateByUrl(url, HostComponent);
    const fixture = harness.fixture;
    await fixture.whenStable();
    const element = harness.routeNativeElement as HTMLElement;
    const select = (testId: string) => element.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`)!;
    const choose = async (testId: string, value: string) => {
      select(testId).value = value;
      select(testId).dispatchEvent(new Event('change'));
      await fixture.whenStable();
    };
    return { router, fixture, host, element, select, choose };
  }

  it('reads the range and refresh from the URL, and falls back on values it does not offer', async () => {
    const view = await open('/ops?range=6h&refresh=30s');
    expect(view.host.timeRange.range()).toBe('6h');
    expect(view.host.timeRange.refreshMs()).toBe(30_000);
    expect(view.select('time-range').value).toBe('6h');
    expect(view.select('auto-refresh').value).toBe('30s');

    await view.router.navigateByUrl('/ops?range=3y&refresh=1s');
    await view.fixture.whenStable();
    expect(view.host.timeRange.range()).toBe('1h');
    expect(view.host.timeRange.refresh()).toBe('off');
    expect(view.host.timeRange.refreshMs()).toBe(0);
  });

  it('writes a choice to the URL (a deep link) and loads for the new range', async () => {
    const view = await open('/ops?tab=charts');
    expect(view.host.loads).toEqual(['1h']);
    await view.choose('time-range', '24h');
    expect(view.router.url).toBe('/ops?tab=charts&range=24h');
    expect(view.host.timeRange.range()).toBe('24h');
    expect(view.host.loads).toEqual(['1h', '24h']);
    await view.choose('auto-refresh', '1m');
    expect(view.router.url).toBe('/ops?tab=charts&range=24h&refresh=1m');
    await view.choose('auto-refresh', 'off');
    expect(view.router.url).toBe('/ops?tab=charts&range=24h');
  });

  it('offers labelled selects with every preset and interval', async () => {
    const view = await open('/ops');
    const labels = Array.from(view.element.querySelectorAll('label')).map((l) => l.textContent?.trim().split(/\s+/)[0]);
    expect(labels).toEqual(['Chart', 'Auto-refresh']);
    expect(view.select('time-range').closest('label')?.textContent).toContain('Chart range');
    expect(Array.from(view.select('time-range').options).map((o) => o.value)).toEqual(
      SERIES_RANGES.map((r) => r.value),
    );
    expect(Array.from(view.select('auto-refresh').options).map((o) => o.textContent?.trim())).toEqual(
      REFRESH_CHOICES.map((c) => c.label),
    );
  });

  it('loads again on the chosen interval, and stops when set off', async () => {
    const view = await open('/ops');
    // RxJS schedules with setInterval; Angular's own scheduling keeps its real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await view.choose('auto-refresh', '10s');
    const before = view.host.loads.length;
    vi.advanceTimersByTime(10_000);
    expect(view.host.loads.length).toBe(before + 1);
    vi.advanceTimersByTime(20_000);
    expect(view.host.loads.length).toBe(before + 3);
    await view.choose('auto-refresh', 'off');
    TestBed.tick();
    const stopped = view.host.loads.length;
    vi.advanceTimersByTime(60_000);
    expect(view.host.loads.length).toBe(stopped);
  });

  it('keeps only offered values', () => {
    expect(pickOffered('7d', SERIES_RANGES, '1h')).toBe('7d');
    expect(pickOffered('8d', SERIES_RANGES, '1h')).toBe('1h');
    expect(pickOffered(null, SERIES_RANGES, '1h')).toBe('1h');
  });
});
