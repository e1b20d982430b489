import type { Gauge, Metric } from 'prom-client';

/**
 * Removes every series of one source from the given metrics, whatever their other labels
 * (status, outcome, histogram bucket), so a deleted source leaves `/metrics`.
 */
export async function forgetSource(metrics: Array<Metric<string>>, source: string): Promise<void> {
  for (const metric of metrics) {
    const { values } = await metric.get();
    const labelSets = new Map<string, Record<string, string | number>>();
    for (const { labels } of values) {
      if (labels.source !== source) continue;
      const { le: _bucket, ...own } = labels as Record<string, string | number>;
      labelSets.set(JSON.stringify(own), own);
    }
    for (const labels of labelSets.values()) (metric as Gauge<string>).remove(labels);
  }
}
