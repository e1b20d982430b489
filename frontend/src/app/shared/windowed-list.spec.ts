import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject, of } from 'rxjs';
import type { LiveEvent } from '../live/live-events';
import { LiveService } from '../live/live.service';
import { REFETCH_WINDOW_MS } from './live-resource';
import { LIST_WINDOW, windowedList, type PageQuery } from './windowed-list';

interface Row {
  n: number;
}
interface Answer {
  items: Row[];
  page: number;
  pageSize: number;
  total: number;
}
type Query = PageQuery<{ kind: string }>;

describe('windowedList', () => {
  let events: Subject<LiveEvent>;
  let watched: string[];
  let requests: Query[];
  const TOTAL = 230;

  /** A fake API over TOTAL rows numbered 1…TOTAL. */
  function answer(q: Query): Answer {
    const start = (q.page - 1) * q.pageSize;
    const items = Array.from({ length: Math.max(0, Math.min(q.pageSize, TOTAL - start)) }, (_, i) => ({
      n: start + i + 1,
    }));
    return { items, page: q.page, pageSize: q.pageSize, total: TOTAL };
  }

  @Component({ selector: 'sy-test-host', changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
  class HostComponent {
    readonly kind = signal('a');
    readonly page = signal(1);
    readonly list = windowedList({
      filters: () => ({ kind: this.kind() }),
      page: this.page,
      pageSize: 25,
      load: (q: Query) => {
        requests.push(q);
        return of(answer(q));
      },
      topics: () => ['domain:things'],
    });
  }

  beforeEach(() => {
    vi.useFakeTimers();
    events = new Subject<LiveEvent>();
    watched = [];
    requests = [];
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        {
          provide: LiveService,
          useValue: {
            watch: (topic: string) => {
              watched.push(topic);
              return events.asObservable();
            },
          },
        },
      ],
    });
  });

  afterEach(() => vi.useRealTimers());

  function host(): HostComponent {
    const fixture = TestBed.createComponent(HostComponent);
    TestBed.tick();
    return fixture.componentInstance;
  }

  it('answers the chart window and the page from one request and one topic subscription', () => {
    const h = host();
    expect(watched).toEqual(['domain:things']);
    expect(requests).toEqual([{ kind: 'a', page: 1, pageSize: LIST_WINDOW }]);
    expect(h.list.window()?.items).toHaveLength(LIST_WINDOW);
    const page = h.list.list.value();
    expect(page).toMatchObject({ page: 1, pageSize: 25, total: TOTAL });
    expect(page?.items.map((r) => r.n)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('pages inside the window without a request, and one request per live update', () => {
    const h = host();
    h.page.set(3);
    TestBed.tick();
    expect(h.list.list.value()?.items[0]).toEqual({ n: 51 });
    expect(requests).toHaveLength(1);
    events.next({ kind: 'refetch', topic: 'domain:things', reason: 'gap' });
    vi.advanceTimersByTime(REFETCH_WINDOW_MS);
    expect(requests).toHaveLength(2);
    expect(h.list.list.value()?.page).toBe(3);
  });

  it('fetches a page beyond the window beside it, and loads again when the filters change', () => {
    const h = host();
    h.page.set(9);
    TestBed.tick();
    expect(requests.slice(1)).toEqual([
      { kind: 'a', page: 1, pageSize: LIST_WINDOW },
      { kind: 'a', page: 9, pageSize: 25 },
    ]);
    expect(h.list.list.value()?.items.map((r) => r.n)).toEqual([
      201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223,
      224, 225,
    ]);
    h.kind.set('b');
    h.page.set(1);
    TestBed.tick();
    expect(requests.at(-1)).toEqual({ kind: 'b', page: 1, pageSize: LIST_WINDOW });
    expect(h.list.list.value()?.items[0]).toEqual({ n: 1 });
  });
});
