import type { ConnectorDefinitionInput, StreamDefinition } from '@switchyard/contracts';

/**
 * Prometheus HTTP API range queries (docs/connectors/prometheus.md). One row per (series,
 * timestamp) of `data.result[*].values[*]`; the external id is `<__name__>@<Unix seconds>` (e.g.
 * `cpu_usage@1778749200`), so the query must select one series per metric name.
 */
const epochSeconds = { type: 'date-time' as const, format: 'epoch-seconds' as const };

const queryRange: StreamDefinition = {
  name: 'query_range',
  label: 'Range query',
  description: 'Samples of the configured selector over a window at the configured step.',
  domain: 'metrics',
  request: {
    path: '/query_range',
    query: {
      query: '{{config.query}}',
      start: '{{now|minusSeconds:config.lookbackSeconds|epoch}}',
      end: '{{now|epoch}}',
      step: '{{config.step}}',
    },
  },
  // After the first run the window starts at the newest sample stored (that sample is read
  // again and left unchanged), so a run asks only for the points since.
  incremental: { type: 'cursor', cursorField: 'recordedAt', query: { start: '{{cursor|epoch}}' } },
  records: [
    {
      target: 'metrics',
      selector: 'data.result[*].values[*]',
      primaryKey: { template: '{{parent.metric.__name__}}@{{record.0}}' },
      updatedAt: { path: '0', transforms: [epochSeconds] },
      fields: {
        metric: '$parent.metric.__name__',
        category: { path: '$parent.metric.category', default: 'uncategorized' },
        value: { path: '1', transforms: [{ type: 'number' }] },
        unit: '$parent.metric.unit',
        recordedAt: { path: '0', transforms: [epochSeconds] },
      },
    },
  ],
};

const config: ConnectorDefinitionInput['config'] = [
  {
    name: 'url',
    label: 'Prometheus URL',
    required: true,
    description: 'e.g. http://prometheus:9090 (the demo: <simulator>/prometheus)',
  },
  {
    name: 'query',
    label: 'PromQL selector',
    default: '{job="switchyard"}',
    description: 'a vector selector with one series per metric name; `category` and `unit` labels are read',
  },
  { name: 'step', label: 'Step (seconds)', default: '30', description: 'resolution of the range query' },
  {
    name: 'lookbackSeconds',
    label: 'First window (seconds)',
    default: '3600',
    description: 'how far back the first run (and every full sync) reads; at most 11,000 steps',
  },
];

export const prometheusConnector: ConnectorDefinitionInput = {
  id: 'prometheus',
  name: 'Prometheus metrics',
  description: 'Metric samples from the Prometheus HTTP API (/api/v1/query_range), no authentication.',
  documentationUrl: 'https://prometheus.io/docs/prometheus/latest/querying/api/',
  baseUrl: '{{config.url}}/api/v1',
  config,
  auth: { type: 'none' },
  streams: [queryRange],
};

/** The same, for a Prometheus behind a reverse proxy that checks a bearer token. */
export const prometheusBearerConnector: ConnectorDefinitionInput = {
  ...prometheusConnector,
  id: 'prometheus-bearer',
  name: 'Prometheus metrics (bearer token)',
  description:
    'Metric samples from the Prometheus HTTP API behind a proxy that checks Authorization: Bearer (token credential).',
  auth: { type: 'bearer' },
};
