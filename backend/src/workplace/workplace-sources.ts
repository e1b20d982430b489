import type { SourceDomain } from '@switchyard/contracts';

/**
 * The source domains feeding each workplace answer. The REST answer's freshness and the
 * live `domain:<name>` topic's freshness both read these, so they cannot disagree.
 */
export const WORKPLACE_SOURCES = {
  /** `GET /summary` (departments) and `domain:summary`. */
  summary: ['people', 'incidents', 'metrics'],
  /** `GET /people` and `domain:people`. */
  people: ['people'],
  /** `GET /events` and `domain:events`. */
  events: ['events'],
  /** `GET /incidents` and `domain:incidents`. */
  incidents: ['incidents'],
} as const satisfies Record<string, readonly SourceDomain[]>;

/** Whether a source feeds one of these answers. */
export function feeds(domains: readonly SourceDomain[], source: { domain: SourceDomain }): boolean {
  return domains.includes(source.domain);
}
