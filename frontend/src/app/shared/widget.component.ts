import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Freshness } from '@switchyard/contracts';
import type { AgeThresholds } from '../core/freshness-badge-view';
import { FreshnessBadgeComponent } from './freshness-badge.component';

let nextId = 0;

/** A dashboard card: a heading, its freshness, and the content. */
@Component({
  selector: 'sy-widget',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FreshnessBadgeComponent],
  template: `
    <section class="sy-card" [attr.aria-labelledby]="headingId">
      <header class="widget__head">
        <h2 [id]="headingId">{{ heading() }}</h2>
        <sy-freshness
          [freshness]="freshness()"
          [receivedAt]="receivedAt()"
          [dataAsOf]="dataAsOf()"
          [thresholds]="thresholds()"
        />
      </header>
      <ng-content />
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .widget__head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: baseline;
      gap: 8px;
      margin-bottom: 8px;
    }
    h2 {
      margin: 0;
      font-size: 1rem;
    }
  `,
})
export class WidgetComponent {
  readonly heading = input.required<string>();
  readonly freshness = input<Freshness | null | undefined>();
  readonly receivedAt = input<number | undefined>();
  /** The card's own data clock, when narrower than its sources' (see FreshnessBadgeComponent). */
  readonly dataAsOf = input<string | null | undefined>(undefined);
  readonly thresholds = input<AgeThresholds | undefined>();
  protected readonly headingId = `sy-widget-${nextId++}`;
}
