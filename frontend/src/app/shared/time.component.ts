import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { formatDateTime, formatRelative, formatUtc } from '../core/format-time';
import { NowService } from '../core/now.service';

/**
 * A point in time as people read it: "3 min ago · 26 Nov 2026, 14:05 CET" in the viewer's
 * zone, the UTC instant on hover. `relative` false shows the absolute time only.
 */
@Component({
  selector: 'sy-time',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (date()) {
      <time [attr.datetime]="date()" [attr.title]="utc()">
        @if (relative()) {
          {{ ago() }} ·
        }
        {{ absolute() }}</time
      >
    } @else {
      —
    }`,
  styles: `
    :host {
      white-space: nowrap;
    }
    @media (max-width: 640px) {
      :host {
        white-space: normal;
      }
    }
  `,
})
export class TimeComponent {
  private readonly clock = inject(NowService);
  readonly at = input<string | number | Date | null | undefined>();
  readonly relative = input(true);
  protected readonly date = computed(() => {
    const at = this.at();
    if (at === null || at === undefined || at === '') return null;
    const date = new Date(at);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  });
  protected readonly utc = computed(() => formatUtc(this.date()));
  protected readonly absolute = computed(() => formatDateTime(this.date()));
  protected readonly ago = computed(() => formatRelative(this.date(), this.clock.now()));
}
