import type { LiveUpdate, TopicRefusalCode } from '@switchyard/contracts';

export type LiveConnectionState = 'live' | 'reconnecting' | 'offline';

/** What a page hears about its topic. */
export type LiveEvent =
  | { kind: 'update'; topic: string; update: LiveUpdate }
  /** Something was missed or folded: load the topic's data again by REST. */
  | { kind: 'refetch'; topic: string; reason: 'gap' | 'coalesced' | 'truncated' | 'resync' }
  /** The server refused the topic; no live updates will come for it. */
  | { kind: 'refused'; topic: string; code: TopicRefusalCode | 'resync' | 'error'; reason: string };
