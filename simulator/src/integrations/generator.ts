import { Rng } from '../random';
import { INTEGRATION_SCRIPTS, SIMULATED_INTEGRATIONS, type SimulatedIntegration } from './catalog';

export interface IntegrationEventBody {
  type: string;
  status: 'success' | 'failure';
  occurredAt: string;
  data: Record<string, unknown>;
  error?: { message: string; httpStatus?: number; code?: string };
}

export interface GeneratedIntegrationEvent {
  integration: SimulatedIntegration;
  body: IntegrationEventBody;
}

/** Events between the start of one integration's trouble and the next. */
const EPISODE_EVERY = 40;
const EPISODE_LENGTH = 12;
const BASE_FAILURE_RATE = 0.02;
const EPISODE_FAILURE_RATE = 0.45;

/**
 * A seeded, endless stream of integration events: mostly successes, with an occasional
 * failure, and now and then one integration in trouble for a while (an expired token, a
 * rate limit, a bad batch) — so issues, health and recovery all show up. The same seed
 * gives the same sequence; only the clock it is stamped with differs.
 */
export class IntegrationEventGenerator {
  private readonly rng: Rng;
  private count = 0;
  private troubled: { integration: SimulatedIntegration; scenario: number; until: number } | null = null;

  constructor(seed: number) {
    this.rng = Rng.stream(seed, 'integration-events');
  }

  next(now: Date): GeneratedIntegrationEvent {
    this.count += 1;
    if (this.count % EPISODE_EVERY === 0) {
      const integration = this.rng.pick(SIMULATED_INTEGRATIONS);
      const scenario = this.rng.int(0, INTEGRATION_SCRIPTS[integration].failures.length - 1);
      this.troubled = { integration, scenario, until: this.count + EPISODE_LENGTH };
    }
    if (this.troubled && this.count > this.troubled.until) this.troubled = null;
    const integration = this.rng.pick(SIMULATED_INTEGRATIONS);
    const inTrouble = this.troubled?.integration === integration;
    const fails = this.rng.chance(inTrouble ? EPISODE_FAILURE_RATE : BASE_FAILURE_RATE);
    const occurredAt = new Date(now.getTime() - this.rng.int(200, 4000)).toISOString();
    return {
      integration,
      body: fails ? this.failure(integration, inTrouble, now, occurredAt) : this.success(integration, occurredAt),
    };
  }

  private success(integration: SimulatedIntegration, occurredAt: string): IntegrationEventBody {
    const type = this.rng.pick(INTEGRATION_SCRIPTS[integration].successes);
    return { type, status: 'success', occurredAt, data: { recordId: `${integration}-${this.rng.int(1000, 9999)}` } };
  }

  private failure(
    integration: SimulatedIntegration,
    inTrouble: boolean,
    now: Date,
    occurredAt: string,
  ): IntegrationEventBody {
    const failures = INTEGRATION_SCRIPTS[integration].failures;
    const scenario = inTrouble && this.troubled ? failures[this.troubled.scenario] : this.rng.pick(failures);
    const message = scenario.message
      .replace('{n}', String(this.rng.int(2, 99_999)))
      .replace('{amount}', String(this.rng.pick([250, 500, 1000, 2500])));
    const data: Record<string, unknown> = { recordId: `${integration}-${this.rng.int(1000, 9999)}` };
    if (scenario.deadlineHours !== undefined) {
      const key = integration === 'lcptracker' ? 'reportDueDate' : 'payrollDeadline';
      data[key] = new Date(now.getTime() + scenario.deadlineHours * 3_600_000).toISOString();
    }
    return {
      type: scenario.type,
      status: 'failure',
      occurredAt,
      data,
      error: {
        message,
        ...(scenario.httpStatus !== undefined ? { httpStatus: scenario.httpStatus } : {}),
        ...(scenario.code !== undefined ? { code: scenario.code } : {}),
      },
    };
  }
}
