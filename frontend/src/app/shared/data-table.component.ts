import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { downloadCsv, toCsv } from '../core/csv';
import { sortRows, type SortState, type TableColumn } from './data-table';
import { TimeComponent } from './time.component';

/**
 * A table of the rows on screen: click a header to sort them (the API pages but does not
 * sort), and export exactly what is shown as CSV.
 */
@Component({
  selector: 'sy-data-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TimeComponent],
  templateUrl: './data-table.component.html',
  styleUrl: './data-table.component.css',
})
export class DataTableComponent<T> {
  readonly rows = input.required<readonly T[]>();
  readonly columns = input.required<readonly TableColumn<T>[]>();
  readonly caption = input.required<string>();
  /** File name of the CSV export, without extension. */
  readonly exportName = input('export');

  protected readonly sort = signal<SortState | null>(null);
  protected readonly sorted = computed(() => sortRows(this.rows(), this.columns(), this.sort()));

  protected sortBy(key: string): void {
    const current = this.sort();
    const direction = current?.key === key && current.direction === 'ascending' ? 'descending' : 'ascending';
    this.sort.set({ key, direction });
  }

  protected ariaSort(key: string): string {
    const current = this.sort();
    return current?.key === key ? current.direction : 'none';
  }

  protected text(column: TableColumn<T>, row: T): string {
    if (column.display) return column.display(row);
    const value = column.value(row);
    return value === null || value === undefined ? '—' : String(value);
  }

  protected exportCsv(): void {
    const csv = toCsv(
      this.sorted(),
      this.columns().map((c) => ({ header: c.header, value: c.value })),
    );
    downloadCsv(`${this.exportName()}.csv`, csv);
  }
}
