import { Injectable } from '@nestjs/common';
import {
  CATEGORY_MODULE,
  opsModulesOf,
  seesAllOpsModules,
  type OpsModule,
  type Principal,
} from '@switchyard/contracts';
import { DataScopeService } from '../auth';
import { ResourceNotFoundException } from '../common';
import { SourcesService } from '../sources';
import { OpsDataRepository } from './data/ops-data.repository';
import type { SilenceEntity } from './entities/silence.entity';

/** What of the operations center a principal may see: its modules and its tenants (null: all). */
export interface OpsScope {
  /** Every module and every tenant: no filter applies. */
  all: boolean;
  modules: OpsModule[];
  tenants: string[] | null;
}

/**
 * The per-role modules of the admin blueprint and the tenant data scopes, applied to the
 * operations center: metric series, forecasts, alerts and silences. Outside the scope a
 * metric, rule, source or silence reads as not existing (404), as on the CRM routes.
 */
@Injectable()
export class OpsScopeService {
  constructor(
    private readonly scopes: DataScopeService,
    private readonly data: OpsDataRepository,
    private readonly sources: SourcesService,
  ) {}

  of(principal: Principal): OpsScope {
    const tenants = this.scopes.tenants(principal);
    const modules = opsModulesOf(principal.roles);
    return { all: seesAllOpsModules(principal) && tenants === null, modules, tenants };
  }

  /** A metric the principal may not see answers like one that does not exist. */
  async requireMetric(principal: Principal, metric: string): Promise<void> {
    if (!(await this.metricVisible(this.of(principal), metric))) throw new ResourceNotFoundException('metric', metric);
  }

  async metricVisible(scope: OpsScope, metric: string): Promise<boolean> {
    if (scope.modules.length === OPS_MODULE_COUNT) return true;
    return this.modulesVisible(scope, await this.data.moduleAccessOf(metric));
  }

  /** Whether a metric seen by these modules is the principal's (null: a metric without points). */
  modulesVisible(scope: OpsScope, access: readonly string[] | null): boolean {
    // A metric without points belongs to the system module, as its alerts do (see AlertEvaluator).
    return (access ?? [CATEGORY_MODULE.custom]).some((m) => (scope.modules as string[]).includes(m));
  }

  async sourceVisible(scope: OpsScope, sourceId: string): Promise<boolean> {
    if (scope.tenants === null) return true;
    const source = await this.sources.find(sourceId);
    return source !== null && (source.tenant === null || scope.tenants.includes(source.tenant));
  }

  /**
   * A silence is a restricted principal's when everything it names is theirs (its metric,
   * its rule's metric, its source or tenant label) and it names at least a metric or rule —
   * one covering every metric is for principals who see every module — and, for a
   * tenant-scoped principal, a source or tenant of theirs.
   */
  async silenceVisible(
    scope: OpsScope,
    silence: Pick<SilenceEntity, 'ruleId' | 'metric' | 'labels'>,
    ruleMetric: (ruleId: string) => Promise<string | null>,
  ): Promise<boolean> {
    if (scope.all) return true;
    const metrics = [silence.metric, silence.ruleId ? await ruleMetric(silence.ruleId) : null];
    if (silence.ruleId && metrics[1] === null) return false;
    const named = metrics.filter((m): m is string => m !== null);
    if (scope.modules.length < OPS_MODULE_COUNT && named.length === 0) return false;
    for (const metric of named) if (!(await this.metricVisible(scope, metric))) return false;
    if (scope.tenants === null) return true;
    const { source, tenant } = silence.labels;
    if (tenant !== undefined && !scope.tenants.includes(tenant)) return false;
    if (source !== undefined && !(await this.sourceVisible(scope, source))) return false;
    return source !== undefined || tenant !== undefined;
  }
}

const OPS_MODULE_COUNT = opsModulesOf(['master_admin']).length;
