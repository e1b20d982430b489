import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlertState } from '@switchyard/contracts';
import { In, LessThanOrEqual, MoreThan, type DataSource } from 'typeorm';
import { AlertRuleEntity } from '../entities/alert-rule.entity';
import { AlertEntity } from '../entities/alert.entity';
import { SilenceEntity } from '../entities/silence.entity';

/** SQL of alert rules, alerts and silences. */
@Injectable()
export class AlertsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get rules() {
    return this.dataSource.getRepository(AlertRuleEntity);
  }

  private get alerts() {
    return this.dataSource.getRepository(AlertEntity);
  }

  private get silences() {
    return this.dataSource.getRepository(SilenceEntity);
  }

  listRules(): Promise<AlertRuleEntity[]> {
    return this.rules.find({ order: { id: 'ASC' } });
  }

  enabledRules(): Promise<AlertRuleEntity[]> {
    return this.rules.find({ where: { enabled: true }, order: { id: 'ASC' } });
  }

  rulesForMetrics(metrics: readonly string[]): Promise<AlertRuleEntity[]> {
    if (metrics.length === 0) return Promise.resolve([]);
    return this.rules.find({ where: { metric: In([...metrics]), enabled: true } });
  }

  findRule(id: string): Promise<AlertRuleEntity | null> {
    return this.rules.findOneBy({ id });
  }

  async insertRule(rule: AlertRuleEntity): Promise<void> {
    await this.rules.insert(rule);
  }

  async saveRule(rule: AlertRuleEntity): Promise<void> {
    await this.rules.save(rule);
  }

  async deleteRule(id: string): Promise<boolean> {
    return ((await this.rules.delete({ id })).affected ?? 0) > 0;
  }

  openAlerts(): Promise<AlertEntity[]> {
    return this.alerts.find({ where: { open: true }, order: { startedAt: 'ASC' } });
  }

  findAlert(id: string): Promise<AlertEntity | null> {
    return this.alerts.findOneBy({ id });
  }

  /** Newest first; `modules` and `tenants` (null: all) are the caller's scope. */
  listAlerts(
    filter: { states?: AlertState[]; open?: boolean; modules: string[]; tenants: string[] | null },
    limit: number,
  ): Promise<AlertEntity[]> {
    const query = this.alerts
      .createQueryBuilder('a')
      .where('a.module = ANY(:modules)', { modules: filter.modules })
      .orderBy('a.startedAt', 'DESC')
      .take(limit);
    if (filter.tenants !== null) query.andWhere('(a.tenant IS NULL OR a.tenant = ANY(:tenants))', filter);
    if (filter.states) query.andWhere('a.state IN (:...states)', { states: filter.states });
    if (filter.open !== undefined) query.andWhere('a.open = :open', { open: filter.open });
    return query.getMany();
  }

  /**
   * Writes one evaluation's changes in one transaction. A new alert whose fingerprint is
   * already open elsewhere (another replica won the race) is skipped: answered in `skipped`.
   */
  async writeChanges(created: AlertEntity[], updated: AlertEntity[]): Promise<Set<string>> {
    const skipped = new Set<string>();
    if (created.length === 0 && updated.length === 0) return skipped;
    await this.dataSource.transaction(async (manager) => {
      for (const { id, ...fields } of updated) await manager.getRepository(AlertEntity).update({ id }, fields);
      if (created.length > 0) {
        const result = await manager
          .getRepository(AlertEntity)
          .createQueryBuilder()
          .insert()
          .values(created)
          .orIgnore()
          .returning(['id'])
          .execute();
        const written = new Set((result.raw as Array<{ id: string }>).map((r) => r.id));
        for (const alert of created) if (!written.has(alert.id)) skipped.add(alert.id);
      }
    });
    return skipped;
  }

  async saveAlert(alert: AlertEntity): Promise<void> {
    await this.alerts.save(alert);
  }

  activeSilences(now: Date): Promise<SilenceEntity[]> {
    return this.silences.find({ where: { startsAt: LessThanOrEqual(now), endsAt: MoreThan(now) } });
  }

  /** Silences not yet over (active or scheduled), soonest end first. */
  currentSilences(now: Date): Promise<SilenceEntity[]> {
    return this.silences.find({ where: { endsAt: MoreThan(now) }, order: { endsAt: 'ASC' } });
  }

  findSilence(id: string): Promise<SilenceEntity | null> {
    return this.silences.findOneBy({ id });
  }

  async insertSilence(silence: SilenceEntity): Promise<void> {
    await this.silences.insert(silence);
  }

  async deleteSilence(id: string): Promise<boolean> {
    return ((await this.silences.delete({ id })).affected ?? 0) > 0;
  }
}
