import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { REFRESH_CHOICES, type TimeRangeState } from './time-range';

/**
 * A time-range picker and an auto-refresh interval (Grafana habits): two labelled native
 * selects, so keyboard and screen readers work as with any form field. The choice lives in
 * the URL query (see timeRangeState).
 */
@Component({
  selector: 'sy-time-range',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: end;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
  `,
  template: `
    <label>
      {{ rangeLabel() }}
      <select data-testid="time-range" [value]="state().range()" (change)="state().setRange(pick($event))">
        @for (p of state().presets; track p.value) {
          <option [value]="p.value" [selected]="p.value === state().range()">{{ p.label }}</option>
        }
      </select>
    </label>
    <label>
      Auto-refresh
      <select data-testid="auto-refresh" [value]="state().refresh()" (change)="state().setRefresh(pick($event))">
        @for (c of refreshChoices; track c.value) {
          <option [value]="c.value" [selected]="c.value === state().refresh()">{{ c.label }}</option>
        }
      </select>
    </label>
  `,
})
export class TimeRangeComponent {
  readonly state = input.required<TimeRangeState>();
  readonly rangeLabel = input('Time range');
  protected readonly refreshChoices = REFRESH_CHOICES;

  protected pick(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }
}
