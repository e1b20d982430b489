import { computed, type Signal } from '@angular/core';
import { forkJoin, map, type Observable } from 'rxjs';
import type { ListPageData } from './list-page.component';
import { liveResource, type LiveResource } from './live-resource';

/** The API's largest page: the window that charts of "everything matching" read. */
export const LIST_WINDOW = 200;

/** A page-sized request of a list: the filters plus page and page size. */
export type PageQuery<F> = F & { page: number; pageSize: number };

export interface WindowedListOptions<F, R extends ListPageData<unknown>> {
  filters: () => F;
  page: Signal<number>;
  pageSize: number;
  load: (query: PageQuery<F>) => Observable<R>;
  topics: () => string[];
}

export interface WindowedList<R> {
  /** The first LIST_WINDOW rows matching the filters (for charts and totals). */
  readonly window: Signal<R | undefined>;
  /** The page on screen, as a resource for `sy-list-page`. */
  readonly list: LiveResource<R>;
}

/** Page `page` of `pageSize` cut out of the window (its total stays the whole match count). */
export function pageOfWindow<R extends ListPageData<unknown>>(window: R, page: number, pageSize: number): R {
  return { ...window, page, pageSize, items: window.items.slice((page - 1) * pageSize, page * pageSize) };
}

/** Whether page `page` of `pageSize` lies inside the window. */
export function insideWindow(page: number, pageSize: number): boolean {
  return page * pageSize <= LIST_WINDOW;
}

/**
 * One live resource for a list page that also charts everything matching: a single request
 * of the first LIST_WINDOW rows answers both the charts and every page inside the window
 * (paging there costs no request); a page beyond the window is fetched beside it. One topic
 * subscription, one request per update (two only past the window).
 */
export function windowedList<F, R extends ListPageData<unknown>>(options: WindowedListOptions<F, R>): WindowedList<R> {
  const { pageSize } = options;
  const beyond = (page: number) => (insideWindow(page, pageSize) ? 0 : page);
  const loaded = liveResource<{ window: R; page: R | undefined }, { filters: F; beyond: number }>({
    params: () => ({ filters: options.filters(), beyond: beyond(options.page()) }),
    load: (p) => {
      const window = options.load({ ...p.filters, page: 1, pageSize: LIST_WINDOW });
      if (p.beyond === 0) return window.pipe(map((w) => ({ window: w, page: undefined })));
      return forkJoin({ window, page: options.load({ ...p.filters, page: p.beyond, pageSize }) });
    },
    topics: options.topics,
  });
  const value = computed(() => {
    const v = loaded.value();
    if (!v) return undefined;
    return v.page ?? pageOfWindow(v.window, options.page(), pageSize);
  });
  return {
    window: computed(() => loaded.value()?.window),
    list: { ...loaded, value },
  };
}
