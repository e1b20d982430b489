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
import { SERIES_COLORS } from './palette';

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

function theme(text: string, line: string, surface: string, palette: string[]) {
  return {
    color: palette,
    backgroundColor: 'transparent',
    textStyle: { color: text },
    legend: { textStyle: { color: text } },
    // Pie labels in the text colour without the default halo; slices parted by the card colour.
    pie: {
      // Long names wrap onto a second line instead of being cut to "Be…" on a phone.
      label: { color: text, textBorderWidth: 0, textShadowBlur: 0, overflow: 'break' },
      labelLine: { lineStyle: { color: line } },
      itemStyle: { borderColor: surface, borderWidth: 1 },
    },
    bar: { label: { color: text, textBorderWidth: 0 } },
    heatmap: { label: { color: '#18212b', textBorderWidth: 0 } },
    categoryAxis: axis(line, text),
    valueAxis: axis(line, text),
    visualMap: { textStyle: { color: text } },
  };
}

// The default series palette holds no status colour (green, amber, red): those mean a state.
echarts.registerTheme('sy-light', theme('#18212b', '#dbe1e8', '#ffffff', SERIES_COLORS.light));
echarts.registerTheme('sy-dark', theme('#e3e9f0', '#33414f', '#17212c', SERIES_COLORS.dark));

export function provideCharts(): Provider | EnvironmentProviders {
  return provideEchartsCore({ echarts });
}
