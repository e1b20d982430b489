import { labelTableCells } from './stacked-tables';

describe('labelTableCells', () => {
  it('labels each body cell with its column header, without sort arrows, following colspans', () => {
    const root = document.createElement('div');
    root.innerHTML = `
      <table class="sy-table">
        <thead><tr><th><button>Name <span>▲</span></button></th><th colspan="2">Window</th><th>State</th></tr></thead>
        <tbody>
          <tr><td>Ada</td><td>from</td><td>to</td><td>open</td></tr>
          <tr><td colspan="3">spans three</td><td>closed</td></tr>
        </tbody>
      </table>
      <table><thead><tr><th>Other</th></tr></thead><tbody><tr><td>left alone</td></tr></tbody></table>`;
    labelTableCells(root);
    const labels = (row: number) =>
      Array.from(root.querySelectorAll('table.sy-table tbody tr')[row].querySelectorAll('td')).map((td) =>
        td.getAttribute('data-label'),
      );
    expect(labels(0)).toEqual(['Name', 'Window', 'Window', 'State']);
    expect(labels(1)).toEqual(['Name', 'State']);
    expect(root.querySelector('table:not(.sy-table) td')?.hasAttribute('data-label')).toBe(false);
  });

  it('leaves a table without a header row as it is', () => {
    const root = document.createElement('div');
    root.innerHTML = '<table class="sy-table"><tbody><tr><td>x</td></tr></tbody></table>';
    labelTableCells(root);
    expect(root.querySelector('td')?.hasAttribute('data-label')).toBe(false);
  });
});
