import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Freshness } from '@switchyard/contracts';
import { freshnessBadgeView, type AgeThresholds } from '../core/freshness-badge-view';
import { NowService } from '../core/now.service';

/**
 * "Fresh · data 12 s old", "Failed 2 min ago — showing data from 14:02", "Rate limited — next try
 * 14:07:30 (in 42 s)": the answer's freshness with its last attempt, ticking every second.
 */
@Component({
  selector: 'sy-freshness',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (freshness() || thresholds()) {
      <span class="sy-badge sy-badge--{{ view().tone }}" data-testid="freshness-state">{{ view().label }}</span>
    }
    <span class="sy-freshness__age" data-testid="freshness" [attr.title]="view().clock">{{ view().age }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      font-size: 0.85rem;
      color: var(--sy-muted);
    }
  `,
})
export class FreshnessBadgeComponent {
  private readonly clock = inject(NowService);
  readonly freshness = input<Freshness | null | undefined>();
  /** Fallback clock when the answer names no source (admin lists): when the browser got it. */
  readonly receivedAt = input<number | undefined>();
  /** The card's own data clock, when it has one narrower than its sources (an operations module). */
  readonly dataAsOf = input<string | null | undefined>(undefined);
  /** Judge `dataAsOf`'s age by these too, so a frozen card turns Late then Stale between answers. */
  readonly thresholds = input<AgeThresholds | undefined>();

  protected readonly view = computed(() =>
    freshnessBadgeView(this.freshness(), this.clock.now(), {
      receivedAt: this.receivedAt(),
      dataAsOf: this.dataAsOf(),
      thresholds: this.thresholds(),
    }),
  );
}
