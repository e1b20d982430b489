import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsService } from '../metrics';

export type LiveTransportKind = 'socket' | 'sse';

/** Prometheus metrics of the live stream. Topic labels are bounded by the system's own sources, tenants and portfolios. */
@Injectable()
export class LiveMetrics {
  readonly connections: Gauge<'transport'>;
  readonly subscriptions: Gauge<'topic'>;
  readonly messages: Counter<'transport' | 'event'>;
  readonly resyncs: Counter<'reason'>;
  readonly coalesced: Counter<'transport'>;
  readonly published: Counter<'kind'>;
  readonly publishFailures: Counter;
  readonly refusals: Counter<'code'>;
  readonly delivery: Histogram;
  readonly replayBuffered: Gauge;

  constructor(metrics: MetricsService) {
    const registers = [metrics.registry];
    this.connections = new Gauge({
      name: 'switchyard_live_connections',
      help: 'Open live connections on this instance, by transport.',
      labelNames: ['transport'],
      registers,
    });
    this.subscriptions = new Gauge({
      name: 'switchyard_live_subscriptions',
      help: 'Live subscriptions on this instance, by topic.',
      labelNames: ['topic'],
      registers,
    });
    this.messages = new Counter({
      name: 'switchyard_live_messages_sent_total',
      help: 'Live messages sent to clients, by transport and event.',
      labelNames: ['transport', 'event'],
      registers,
    });
    this.resyncs = new Counter({
      name: 'switchyard_live_resyncs_total',
      help: 'Resync answers sent (the client must refetch by REST), by reason.',
      labelNames: ['reason'],
      registers,
    });
    this.coalesced = new Counter({
      name: 'switchyard_live_coalesced_total',
      help: 'Runs of updates folded into one for slow clients.',
      labelNames: ['transport'],
      registers,
    });
    this.published = new Counter({
      name: 'switchyard_live_updates_published_total',
      help: 'Topic updates numbered and broadcast by this instance, by topic kind.',
      labelNames: ['kind'],
      registers,
    });
    this.publishFailures = new Counter({
      name: 'switchyard_live_publish_failures_total',
      help: 'Domain events that could not be turned into live updates.',
      registers,
    });
    this.refusals = new Counter({
      name: 'switchyard_live_topic_refusals_total',
      help: 'Topic subscriptions refused, by reason code.',
      labelNames: ['code'],
      registers,
    });
    this.delivery = new Histogram({
      name: 'switchyard_live_event_to_emit_seconds',
      help: 'From an update being numbered (on any instance) to its emit to local clients.',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.replayBuffered = new Gauge({
      name: 'switchyard_live_replay_buffered_updates',
      help: 'Updates held in memory for clients that resume, over all topics (in-process log; bounded by LIVE_BUFFER_TOTAL).',
      registers,
    });
  }
}
