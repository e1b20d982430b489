import { Injectable } from '@nestjs/common';
import {
  INTEGRATION_CATALOG,
  INTEGRATIONS,
  type FeedbackShare,
  type IntegrationHealth,
  type IntegrationId,
  type IntegrationList,
} from '@switchyard/contracts';
import { Clock } from '../../common';
import { IntegrationEventsRepository } from '../integration-events.repository';
import { IntegrationFeedbackRepository, type FeedbackTally } from '../integration-feedback.repository';
import { IntegrationIssuesRepository } from '../integration-issues.repository';
import {
  HEALTH_WINDOW_HOURS,
  hourlyTrend,
  meanTimeToDetectSeconds,
  meanTimeToResolveSeconds,
  successRate,
  uptimePercent,
  windowStatus,
} from './integration-health';

const HOUR_MS = 3_600_000;

/** Health of every integration over the last 24 hours, from stored events and issues. */
@Injectable()
export class IntegrationHealthService {
  constructor(
    private readonly events: IntegrationEventsRepository,
    private readonly issues: IntegrationIssuesRepository,
    private readonly feedback: IntegrationFeedbackRepository,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<Omit<IntegrationList, 'generatedAt'>> {
    const now = this.clock.now();
    // The trend's first hour starts on an hour boundary, 23 hours before the current one.
    const since = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - (HEALTH_WINDOW_HOURS - 1) * HOUR_MS);
    const [counts, latest, delays, openIssues, resolved, tallies] = await Promise.all([
      this.events.hourlyCounts(since),
      this.events.latest(),
      this.events.detectionDelays(since),
      this.issues.openCounts(),
      this.issues.resolvedSince(since),
      this.feedback.tally(),
    ]);
    const items = INTEGRATIONS.map((id): IntegrationHealth => {
      const trend = hourlyTrend(
        now,
        counts.filter((c) => c.integration === id),
      );
      const successes = trend.reduce((n, p) => n + p.successes, 0);
      const failures = trend.reduce((n, p) => n + p.failures, 0);
      const last = latest.find((l) => l.integration === id);
      const rate = successRate(successes, failures);
      return {
        id,
        ...INTEGRATION_CATALOG[id],
        status: windowStatus(successes, failures),
        successRate: rate === null ? null : round(rate),
        uptime: round(uptimePercent(trend)),
        events24h: successes + failures,
        errors24h: failures,
        lastEventAt: last?.lastEventAt?.toISOString() ?? null,
        lastFailureAt: last?.lastFailureAt?.toISOString() ?? null,
        mttdSeconds: roundOrNull(meanTimeToDetectSeconds(delays.find((d) => d.integration === id))),
        mttrSeconds: roundOrNull(
          meanTimeToResolveSeconds(
            resolved
              .filter((i) => i.integration === id && i.resolvedAt !== null)
              .map((i) => ({ openedAt: i.openedAt, resolvedAt: i.resolvedAt as Date })),
          ),
        ),
        openIssues: openIssues.get(id) ?? 0,
        trend,
        feedback: share(tallies.filter((t) => t.integration === id)),
      };
    });
    return { items, feedback: share(tallies) };
  }

  async detail(id: IntegrationId): Promise<IntegrationHealth> {
    const { items } = await this.list();
    return items.find((item) => item.id === id) as IntegrationHealth;
  }
}

export function share(tallies: FeedbackTally[]): FeedbackShare {
  const helpful = tallies.reduce((n, t) => n + t.helpful, 0);
  const notHelpful = tallies.reduce((n, t) => n + t.notHelpful, 0);
  const total = helpful + notHelpful;
  return { helpful, notHelpful, helpfulShare: total === 0 ? null : round(helpful / total, 3) };
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round(value, 1);
}
