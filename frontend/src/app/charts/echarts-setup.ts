import type { EnvironmentProviders, Provider } from '@angular/core';
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { provideEchartsCore } from 'ngx-echarts';

/**
 * Only the chart types and components the console draws, registered once when the
 * first chart page loads; this module sits in a lazy chunk, never in the initial bundle.
 */
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  AriaComponent,
  CanvasRenderer,
]);

const axis = (line: string, label: string) => ({
  axisLine: { lineStyle: { color: line } },
  axisTick: { lineStyle: { color: line } },
  axisLabel: { color: label },
  splitLine: { lineStyle: { color: line } },
  nameTextStyle: { color: label },
});

function theme(text: string, line: string, palette: string[]) {
  return {
    color: palette,
    backgroundColor: 'transparent',
    textStyle: { color: text },
    legend: { textStyle: { color: text } },
    categoryAxis: axis(line, text),
    valueAxis: axis(line, text),
    visualMap: { textStyle: { color: text } },
  };
}

echarts.registerTheme(
  'sy-light',
  theme('#18212b', '#dbe1e8', ['#0f6aa8', '#1f7a4d', '#a86400', '#b3261e', '#6b4fa0', '#2a8c8c']),
);
echarts.registerTheme(
  'sy-dark',
  theme('#e3e9f0', '#33414f', ['#5aa9e6', '#4cc38a', '#f0b24a', '#f07167', '#b39ddb', '#4dd0c8']),
);

export function provideCharts(): Provider | EnvironmentProviders {
  return provideEchartsCore({ echarts });
}
