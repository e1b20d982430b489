import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Freshness } from '@switchyard/contracts';
import { formatAgeToSecond } from '../core/format-age';
import { FRESHNESS_LABELS, freshnessTone, lastUpdatedAt } from '../core/freshness-view';
import { NowService } from '../core/now.service';

/** "Fresh · updated 12 s ago", ticking every second, from the answer's freshness. */
@Component({
  selector: 'sy-freshness',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (freshness(); as f) {
      <span class="sy-badge sy-badge--{{ tone() }}">{{ label() }}</span>
    }
    <span class="sy-freshness__age" data-testid="freshness" [attr.title]="title()">{{ updated() }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
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

  protected readonly tone = computed(() => freshnessTone(this.freshness()?.state ?? 'fresh'));
  protected readonly label = computed(() => FRESHNESS_LABELS[this.freshness()?.state ?? 'fresh']);
  protected readonly updated = computed(() => {
    const at = lastUpdatedAt(this.freshness()) ?? this.receivedAt();
    if (at === undefined || at === null) return 'not loaded yet';
    return `updated ${formatAgeToSecond(this.clock.now() - at)}`;
  });
  protected readonly title = computed(() => {
    const asOf = this.freshness()?.asOf;
    return asOf ? `Newest record of the oldest source: ${new Date(asOf).toLocaleString()}` : null;
  });
}
