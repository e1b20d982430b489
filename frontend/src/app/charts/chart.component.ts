import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { ThemeService } from '../core/theme.service';
import { hasNoData, legendItems } from './chart-legend';
import { resolveColors } from './palette';

/**
 * A chart fed with a ready option object; follows the console's light/dark theme, resolves
 * the colour tokens of palette.ts, draws its legend below the canvas (wrapping, never paged),
 * and says "No data in this range" instead of drawing empty axes.
 */
@Component({
  selector: 'sy-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  template: `@if (empty()) {
      <p class="chart__empty sy-muted" data-testid="chart-empty" [style.min-height.px]="emptyHeight()">
        No data in this range
      </p>
    } @else {
      <div
        class="chart"
        echarts
        role="img"
        [attr.aria-label]="label()"
        [options]="resolved()"
        [theme]="themeName()"
        [style.height.px]="height()"
      ></div>
      @if (legend().length > 1) {
        <ul class="chart__legend" [attr.aria-label]="'Legend: ' + label()">
          @for (item of legend(); track item.name) {
            <li><span class="swatch" aria-hidden="true" [style.background]="item.color"></span>{{ item.name }}</li>
          }
        </ul>
      }
    }`,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .chart {
      width: 100%;
    }
    .chart__empty {
      display: flex;
      align-items: center;
      justify-content: center;
      margin: 0;
      border: 1px dashed var(--sy-border);
      border-radius: 6px;
    }
    .chart__legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 14px;
      margin: 6px 0 0;
      padding: 0;
      list-style: none;
      font-size: 0.85rem;
    }
    .chart__legend li {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .swatch {
      width: 12px;
      height: 12px;
      border-radius: 3px;
    }
  `,
})
export class ChartComponent {
  private readonly themes = inject(ThemeService);
  readonly options = input.required<EChartsCoreOption>();
  /** What the chart shows, for screen readers. */
  readonly label = input.required<string>();
  readonly height = input(260);
  /** Whether the chart has nothing to show; by default, when every value is missing or zero. */
  readonly noData = input<boolean | undefined>(undefined);
  protected readonly themeName = computed(() => (this.themes.theme() === 'dark' ? 'sy-dark' : 'sy-light'));
  protected readonly empty = computed(() => this.noData() ?? hasNoData(this.options()));
  protected readonly emptyHeight = computed(() => Math.min(this.height(), 120));
  protected readonly legend = computed(() => legendItems(this.options(), this.themes.theme()));
  protected readonly resolved = computed(() => {
    const options = resolveColors(this.options(), this.themes.theme()) as Record<string, unknown>;
    return { ...options, legend: { show: false } };
  });
}
