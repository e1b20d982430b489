import { sortRows, type TableColumn } from './data-table';

interface Row {
  name: string;
  budget: number | null;
}

const columns: TableColumn<Row>[] = [
  { key: 'name', header: 'Name', value: (r) => r.name },
  { key: 'budget', header: 'Budget', value: (r) => r.budget, numeric: true },
];
const rows: Row[] = [
  { name: 'Project 10', budget: 5 },
  { name: 'Project 9', budget: null },
  { name: 'Project 2', budget: 40 },
];

describe('sortRows', () => {
  it('sorts text naturally and numbers as numbers, nulls last', () => {
    expect(sortRows(rows, columns, { key: 'name', direction: 'ascending' }).map((r) => r.name)).toEqual([
      'Project 2',
      'Project 9',
      'Project 10',
    ]);
    expect(sortRows(rows, columns, { key: 'budget', direction: 'descending' }).map((r) => r.budget)).toEqual([
      40,
      5,
      null,
    ]);
  });

  it('keeps the order without a sort and leaves the input untouched', () => {
    const copy = sortRows(rows, columns, null);
    expect(copy).toEqual(rows);
    expect(copy).not.toBe(rows);
  });
});
