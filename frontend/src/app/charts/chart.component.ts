import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { ThemeService } from '../core/theme.service';

/** A chart fed with a ready option object; follows the console's light/dark theme. */
@Component({
  selector: 'sy-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  template: `<div
    class="chart"
    echarts
    role="img"
    [attr.aria-label]="label()"
    [options]="options()"
    [theme]="themeName()"
    [style.height.px]="height()"
  ></div>`,
  styles: `
    .chart {
      width: 100%;
    }
  `,
})
export class ChartComponent {
  private readonly themes = inject(ThemeService);
  readonly options = input.required<EChartsCoreOption>();
  /** What the chart shows, for screen readers. */
  readonly label = input.required<string>();
  readonly height = input(260);
  protected readonly themeName = computed(() => (this.themes.theme() === 'dark' ? 'sy-dark' : 'sy-light'));
}
