import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { Freshness } from '@switchyard/contracts';
import { delayedSources } from '../core/freshness-view';
import { NowService } from '../core/now.service';
import { RefreshButtonComponent } from './refresh-button.component';

/**
 * "Data delayed": which sources behind the page are late, stale, rate limited or unavailable,
 * or serve cached data after a failed sync (from the first failure, before the data is late), and why.
 */
@Component({
  selector: 'sy-data-delayed',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RefreshButtonComponent],
  template: `
    @if (delayed().length > 0) {
      <section class="delayed" role="status" aria-label="Data delayed" data-testid="data-delayed">
        <strong>Data delayed.</strong>
        Some numbers on this page come from sources that are behind or could not be synced:
        <ul>
          @for (source of delayed(); track source.id) {
            <li>
              <span class="name">{{ source.name }}</span> — {{ source.summary }}
              @if (source.failure) {
                <span class="failure" data-testid="sync-failed">{{ source.failure }}</span>
              }
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
    .failure {
      display: block;
    }
  `,
})
export class DataDelayedComponent {
  readonly freshness = input<Freshness | null | undefined>();
  readonly refreshed = output();
  private readonly clock = inject(NowService);
  protected readonly delayed = computed(() => delayedSources(this.freshness(), this.clock.now()));
}
