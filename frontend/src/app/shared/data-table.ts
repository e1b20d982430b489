import type { Tone } from '../charts/palette';

export type CellValue = string | number | boolean | null | undefined;

/** One column of a data table; the same definition drives sorting and the CSV export. */
export interface TableColumn<T> {
  key: string;
  header: string;
  value: (row: T) => CellValue;
  /** Shown text when it differs from the sortable value (e.g. a formatted date). */
  display?: (row: T) => string;
  /** The cell is a point in time: shown relative and absolute with its zone, UTC on hover. */
  time?: (row: T) => string | null | undefined;
  /** Router link of the cell. */
  link?: (row: T) => string;
  /** Badge tone of the cell. */
  tone?: (row: T) => Tone | undefined;
  numeric?: boolean;
}

export interface SortState {
  key: string;
  direction: 'ascending' | 'descending';
}

/** Sorts a copy; nulls last in both directions, numbers as numbers, text by locale. */
export function sortRows<T>(rows: readonly T[], columns: readonly TableColumn<T>[], sort: SortState | null): T[] {
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !column) return [...rows];
  const factor = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    if (x === null || x === undefined || x === '') return y === null || y === undefined || y === '' ? 0 : 1;
    if (y === null || y === undefined || y === '') return -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * factor;
    return String(x).localeCompare(String(y), undefined, { numeric: true }) * factor;
  });
}
