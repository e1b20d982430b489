import { Injectable } from '@nestjs/common';
import {
  alertVisibleTo,
  type AlertRule,
  type AlertState,
  type AlertView,
  type Principal,
  type Silence,
} from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { Clock, DomainException, parseOrThrow, ResourceNotFoundException } from '../../common';
import { DomainEventBus } from '../../events';
import { acknowledgeSchema, alertListQuerySchema, alertRuleSchema, silenceSchema } from '../dto/ops.schemas';
import { AlertRuleEntity } from '../entities/alert-rule.entity';
import type { AlertEntity } from '../entities/alert.entity';
import { OpsScopeService } from '../ops-scope.service';
import { SilenceEntity } from '../entities/silence.entity';
import { toAlertRule, toAlertView, toSilence } from './alert-views';
import { AlertsRepository } from './alerts.repository';

const actorOf = (principal: Principal): string => principal.email ?? principal.id;

/** Alert rules, the alert list, acknowledgements and silences. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
    private readonly scope: OpsScopeService,
  ) {}

  async listRules(): Promise<{ items: AlertRule[] }> {
    return { items: (await this.alerts.listRules()).map(toAlertRule) };
  }

  async getRule(id: string): Promise<AlertRule> {
    return toAlertRule(await this.requireRule(id));
  }

  async createRule(body: unknown): Promise<AlertRule> {
    const input = parseOrThrow(alertRuleSchema, body);
    if (await this.alerts.findRule(input.id)) {
      throw new DomainException('CONFLICT', 409, `alert rule ${input.id} already exists`);
    }
    const now = this.clock.now();
    const rule = Object.assign(new AlertRuleEntity(), { ...input, createdAt: now, updatedAt: now });
    await this.alerts.insertRule(rule);
    return toAlertRule(rule);
  }

  async replaceRule(id: string, body: unknown): Promise<AlertRule> {
    const existing = await this.requireRule(id);
    const input = parseOrThrow(alertRuleSchema, { id, ...(typeof body === 'object' && body ? body : {}) });
    if (input.id !== id) throw new DomainException('VALIDATION_FAILED', 400, 'id cannot change', {});
    const rule = Object.assign(existing, input, { updatedAt: this.clock.now() });
    await this.alerts.saveRule(rule);
    return toAlertRule(rule);
  }

  async deleteRule(id: string): Promise<void> {
    if (!(await this.alerts.deleteRule(id))) throw new ResourceNotFoundException('alert rule', id);
  }

  /** Alerts of the caller's modules and tenants only. */
  async list(query: unknown, principal: Principal): Promise<{ items: AlertView[] }> {
    const { state, limit } = parseOrThrow(alertListQuerySchema, query);
    const open = state?.includes('open') ? true : undefined;
    const states = state?.filter((s): s is AlertState => s !== 'open');
    const { modules, tenants } = this.scope.of(principal);
    const rows = await this.alerts.listAlerts(
      { states: states?.length ? states : undefined, open, modules, tenants },
      limit,
    );
    return { items: rows.map(toAlertView) };
  }

  async get(id: string, principal: Principal): Promise<AlertView> {
    return toAlertView(await this.requireAlert(id, principal));
  }

  /** Records who acknowledged an open alert, when and why; its state does not change. */
  async acknowledge(id: string, body: unknown, principal: Principal): Promise<AlertView> {
    const { comment } = parseOrThrow(acknowledgeSchema, body);
    const alert = await this.requireAlert(id, principal);
    if (!alert.open)
      throw new DomainException('CONFLICT', 409, `alert ${id} is ${alert.state}; only open alerts are acknowledged`);
    const now = this.clock.now();
    Object.assign(alert, { acknowledgedBy: actorOf(principal), acknowledgedAt: now, ackComment: comment });
    await this.alerts.saveAlert(alert);
    const view = toAlertView(alert);
    this.bus.publish({
      type: 'alert.changed',
      at: now.toISOString(),
      alert: view,
      previous: view.state,
      notify: false,
    });
    return view;
  }

  /** Silences the caller may see: every one for a full-scope principal, else those within its scope. */
  async listSilences(principal: Principal): Promise<{ items: Silence[] }> {
    const now = this.clock.now();
    const scope = this.scope.of(principal);
    const visible: Silence[] = [];
    for (const silence of await this.alerts.currentSilences(now)) {
      if (await this.scope.silenceVisible(scope, silence, this.ruleMetric)) visible.push(toSilence(silence, now));
    }
    return { items: visible };
  }

  async createSilence(body: unknown, principal: Principal): Promise<Silence> {
    const input = parseOrThrow(silenceSchema, body);
    const now = this.clock.now();
    const startsAt = input.startsAt ? new Date(input.startsAt) : now;
    const endsAt = new Date(input.endsAt);
    if (endsAt <= now) {
      throw new DomainException('VALIDATION_FAILED', 400, 'Invalid request: endsAt must be in the future', {
        fields: [{ field: 'endsAt', message: 'endsAt must be in the future' }],
      });
    }
    const silence = Object.assign(new SilenceEntity(), {
      id: randomUUID(),
      ruleId: input.matchers.ruleId ?? null,
      metric: input.matchers.metric ?? null,
      labels: input.matchers.labels ?? {},
      startsAt,
      endsAt,
      comment: input.comment,
      createdBy: actorOf(principal),
      createdAt: now,
    });
    // Silencing what one may not see (or everything, without seeing everything) is refused
    // like naming something that does not exist.
    if (!(await this.scope.silenceVisible(this.scope.of(principal), silence, this.ruleMetric))) {
      throw new DomainException(
        'NOT_FOUND',
        404,
        'no alerts match these matchers within your scope; name a metric or rule (and a source or tenant) of yours',
      );
    }
    await this.alerts.insertSilence(silence);
    return toSilence(silence, now);
  }

  async deleteSilence(id: string, principal: Principal): Promise<void> {
    const silence = await this.alerts.findSilence(id);
    const visible = silence && (await this.scope.silenceVisible(this.scope.of(principal), silence, this.ruleMetric));
    if (!visible || !(await this.alerts.deleteSilence(id))) throw new ResourceNotFoundException('silence', id);
  }

  private readonly ruleMetric = async (ruleId: string): Promise<string | null> =>
    (await this.alerts.findRule(ruleId))?.metric ?? null;

  /** An alert outside the caller's modules or tenants reads as not existing. */
  private async requireAlert(id: string, principal: Principal): Promise<AlertEntity> {
    const alert = await this.alerts.findAlert(id);
    if (!alert || !alertVisibleTo(principal, toAlertView(alert))) throw new ResourceNotFoundException('alert', id);
    return alert;
  }

  private async requireRule(id: string): Promise<AlertRuleEntity> {
    const rule = await this.alerts.findRule(id);
    if (!rule) throw new ResourceNotFoundException('alert rule', id);
    return rule;
  }
}
