import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { Freshness } from '@switchyard/contracts';
import { AsyncViewComponent } from './async-view.component';
import type { TableColumn } from './data-table';
import { DataTableComponent } from './data-table.component';
import type { LiveResource } from './live-resource';
import { PagerComponent } from './pager.component';
import { WidgetComponent } from './widget.component';

/** One server page of a list, as every paged API answers it. */
export interface ListPageData<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly freshness?: Freshness | null;
}

/**
 * The list template of every console list page: a card with its heading and freshness, the
 * filters (projected with `syListFilters`), loading / error / stale / empty through
 * `sy-async-view`, the rows (a `sy-data-table` when `columns` are given, else the projected
 * body), the CSV button, and the pager. Pages keep their own state (filters, page) and say
 * what changes through `pageChange`.
 *
 * Slots: `[syListFilters]` above the list, `[syListTools]` beside the CSV button, the default
 * slot for rows a page draws itself (before the table when both are there), `[syListAfter]`
 * below the pager.
 */
@Component({
  selector: 'sy-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, DataTableComponent, PagerComponent, WidgetComponent],
  templateUrl: './list-page.component.html',
})
export class ListPageComponent<T> {
  readonly heading = input.required<string>();
  readonly resource = input.required<LiveResource<ListPageData<T>>>();
  /** The card's freshness when the list itself carries none (e.g. runs of one source). */
  readonly freshness = input<Freshness | null | undefined>();
  readonly emptyText = input('Nothing to show.');
  /** Columns of the shared data table; without them the page projects its own rows. */
  readonly columns = input<readonly TableColumn<T>[] | undefined>();
  readonly caption = input('');
  /** CSV file name (without extension) of the data table. */
  readonly exportName = input('export');
  /** Show an "Export CSV" button for projected rows; a click emits `exportCsv`. */
  readonly exportable = input(false);
  readonly pagerLabel = input('Pages');
  /** Hide the pager while everything fits on one page. */
  readonly pagerWhenPaged = input(false);
  /** Show the resource's "live updates refused" line (off where another card shows it). */
  readonly showLiveProblem = input(true);
  readonly pageChange = output<number>();
  readonly exportCsv = output<readonly T[]>();

  protected readonly value = computed(() => this.resource().value());
  /** Domain lists carry their sources' freshness; the others show when they were received. */
  protected readonly badgeFreshness = computed(() => this.freshness() ?? this.value()?.freshness ?? undefined);
  protected readonly showPager = computed(() => {
    const v = this.value();
    return v !== undefined && (!this.pagerWhenPaged() || v.total > v.pageSize);
  });
}
