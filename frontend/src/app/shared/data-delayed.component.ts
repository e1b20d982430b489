import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { Freshness } from '@switchyard/contracts';
import { delayedSources } from '../core/freshness-view';
import { RefreshButtonComponent } from './refresh-button.component';

/** "Data delayed": which sources behind the page are late, stale, rate limited or unavailable, and why. */
@Component({
  selector: 'sy-data-delayed',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RefreshButtonComponent],
  template: `
    @if (delayed().length > 0) {
      <section class="delayed" role="status" aria-label="Data delayed" data-testid="data-delayed">
        <strong>Data delayed.</strong>
        Some numbers on this page come from sources that are behind:
        <ul>
          @for (source of delayed(); track source.id) {
            <li>
              <span class="name">{{ source.name }}</span> — {{ source.summary }}
              <sy-refresh-button [sourceId]="source.id" [sourceName]="source.name" (finished)="refreshed.emit()" />
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .delayed {
      margin: 0 0 16px;
      padding: 10px 14px;
      border: 1px solid var(--sy-warn);
      border-left-width: 4px;
      border-radius: 6px;
      background: var(--sy-warn-bg);
      color: var(--sy-ink);
    }
    ul {
      margin: 6px 0 0;
      padding-left: 18px;
    }
    li {
      margin: 4px 0;
    }
    .name {
      font-weight: 600;
    }
  `,
})
export class DataDelayedComponent {
  readonly freshness = input<Freshness | null | undefined>();
  readonly refreshed = output();
  protected readonly delayed = computed(() => delayedSources(this.freshness()));
}
