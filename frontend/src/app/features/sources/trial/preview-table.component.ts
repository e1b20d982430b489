import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { SourcePreviewResult } from '@switchyard/contracts';
import { previewTables } from './source-trial';

/**
 * The mapped records of a preview, one table per record type with the record schema's
 * fields as columns; a cell whose field could not be mapped is marked and says why.
 */
@Component({
  selector: 'sy-preview-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './preview-table.component.html',
  styles: `
    td.cell--error {
      background: var(--sy-bad-bg);
      color: var(--sy-bad-ink);
      font-weight: 600;
      min-width: 16ch;
    }
    tr.row--failed th {
      color: var(--sy-bad-ink);
    }
    td,
    th {
      vertical-align: top;
    }
    .field-errors li {
      padding: 4px 0;
    }
  `,
})
export class PreviewTableComponent {
  readonly result = input.required<SourcePreviewResult>();
  protected readonly tables = computed(() => previewTables(this.result()));
}
