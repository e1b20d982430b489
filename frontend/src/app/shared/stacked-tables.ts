import { DestroyRef, Directive, ElementRef, afterNextRender, inject } from '@angular/core';

/** Sort arrows and other decoration a header carries besides its name. */
const DECORATION = /[▲▼]/g;

/**
 * Gives every body cell of every `table.sy-table` under `root` a `data-label` with its
 * column's header, so the phone layout (styles-narrow.css) can show each row as a list of
 * "header: value" pairs. Cells spanning several columns take the first one's header.
 */
export function labelTableCells(root: ParentNode): void {
  for (const table of Array.from(root.querySelectorAll<HTMLTableElement>('table.sy-table'))) {
    const headerRow = table.tHead?.rows[0];
    if (!headerRow) continue;
    const headers: string[] = [];
    for (const th of Array.from(headerRow.cells)) {
      const text = (th.textContent ?? '').replace(DECORATION, '').replace(/\s+/g, ' ').trim();
      for (let i = 0; i < th.colSpan; i += 1) headers.push(text);
    }
    for (const body of Array.from(table.tBodies))
      for (const row of Array.from(body.rows)) {
        let column = 0;
        for (const cell of Array.from(row.cells)) {
          const label = headers[column] ?? '';
          if (cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
          column += cell.colSpan;
        }
      }
  }
}

/**
 * Keeps the cell labels of the tables inside its host true while pages render and data
 * arrives: one pass per animation frame after any change below it.
 */
@Directive({ selector: '[syStackedTables]' })
export class StackedTablesDirective {
  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      let scheduled = false;
      const observer = new MutationObserver(() => {
        if (scheduled) return;
        scheduled = true;
        requestAnimationFrame(() => {
          scheduled = false;
          labelTableCells(host);
        });
      });
      observer.observe(host, { childList: true, subtree: true, characterData: true });
      labelTableCells(host);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }
}
