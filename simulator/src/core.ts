import { type FastifyBaseLogger } from 'fastify';
import { StepClock } from './clock/steps';
import { FaultStore, viewFault } from './faults';
import { HttpError } from './http';
import { RequestLog } from './request-log';
import { iso } from './time';
import {
  VENDORS,
  type ChangeNotice,
  type FaultSpec,
  type FaultView,
  type SimulatorState,
  type VendorId,
  type VendorModel,
  type VendorStateView,
  type WebhookTarget,
} from './types';
import { CalendarVendor } from './vendors/calendar';
import { ClientTetherVendor } from './vendors/clienttether';
import { CrmVendor, type CrmSizes } from './vendors/crm';
import { BambooHrVendor } from './vendors/bamboohr';
import { GoogleCalendarVendor } from './vendors/google-calendar';
import { HrisVendor } from './vendors/hris';
import { JiraVendor } from './vendors/jira';
import { MetricsVendor } from './vendors/metrics';
import { PmVendor } from './vendors/pm';
import { PrometheusVendor, type PrometheusAuth } from './vendors/prometheus';
import { ServiceNowVendor } from './vendors/servicenow';
import { TicketingVendor } from './vendors/ticketing';
import { type DeliveryResult, WebhookSender } from './webhooks';

export interface CoreSettings {
  seed: number;
  now: () => number;
  evolveEveryMs: number;
  crmBrands: readonly string[];
  crmRecordsPerBrand: CrmSizes;
  prometheusAuth: PrometheusAuth;
}

interface VendorRuntime {
  model: VendorModel;
  clock: StepClock;
  steps: number;
}

/** Everything the simulator knows, independent of HTTP: vendors, their clocks, faults, log, webhooks. */
export class SimulatorCore {
  readonly faults = new FaultStore();
  readonly log = new RequestLog();
  readonly webhooks: WebhookSender;
  readonly start: number;
  private readonly vendors: Record<VendorId, VendorRuntime>;

  constructor(
    readonly settings: CoreSettings,
    logger: FastifyBaseLogger,
  ) {
    const { seed, evolveEveryMs, crmBrands, crmRecordsPerBrand, prometheusAuth } = settings;
    const start = settings.now();
    this.start = start;
    this.webhooks = new WebhookSender(logger);
    const clocks = Object.fromEntries(VENDORS.map((v) => [v, new StepClock(start, evolveEveryMs)])) as Record<
      VendorId,
      StepClock
    >;
    const models: Record<VendorId, VendorModel> = {
      pm: new PmVendor(seed, start),
      hris: new HrisVendor(seed, start),
      calendar: new CalendarVendor(seed, start),
      ticketing: new TicketingVendor(seed, start),
      crm: new CrmVendor(seed, start, crmBrands, crmRecordsPerBrand),
      metrics: new MetricsVendor(seed, (at) => clocks.metrics.frozenAt(at)),
      // The real-API dialects keep their own data copies, so their faults and steps stay theirs.
      clienttether: new ClientTetherVendor(seed, start, crmBrands, crmRecordsPerBrand),
      servicenow: new ServiceNowVendor(seed, start),
      prometheus: new PrometheusVendor(seed, (at) => clocks.prometheus.frozenAt(at), prometheusAuth),
      jira: new JiraVendor(seed, start),
      bamboohr: new BambooHrVendor(seed, start),
      google: new GoogleCalendarVendor(seed, start),
    };
    this.vendors = Object.fromEntries(
      VENDORS.map((v) => [v, { model: models[v], clock: clocks[v], steps: 0 }]),
    ) as Record<VendorId, VendorRuntime>;
  }

  now(): number {
    return this.settings.now();
  }

  model(vendor: VendorId): VendorModel {
    return this.vendors[vendor].model;
  }

  /** Applies every step that has come due for the vendor and announces what changed. */
  sync(vendor: VendorId, now: number): void {
    const runtime = this.vendors[vendor];
    const notices: ChangeNotice[] = [];
    for (const at of runtime.clock.due(now)) {
      const notice = runtime.model.evolve(at);
      runtime.steps++;
      if (notice) notices.push(notice);
    }
    const merged = mergeNotices(notices);
    if (merged) this.webhooks.dispatch(vendor, merged);
  }

  dataTime(vendor: VendorId, now: number): number {
    return this.vendors[vendor].clock.dataTime(now);
  }

  /** Applies `steps` extra steps stamped `now`; a frozen vendor applies none. */
  advance(vendor: VendorId, steps: number): { steps: number; applied: number; frozen: boolean } {
    const now = this.now();
    this.sync(vendor, now);
    const runtime = this.vendors[vendor];
    const frozen = runtime.clock.frozenAt(now);
    const notices: ChangeNotice[] = [];
    for (let i = 0; i < steps && !frozen; i++) {
      const notice = runtime.model.evolve(now);
      runtime.steps++;
      if (notice) notices.push(notice);
    }
    const merged = mergeNotices(notices);
    if (merged) this.webhooks.dispatch(vendor, merged);
    return { steps: runtime.steps, applied: frozen ? 0 : steps, frozen };
  }

  /** Runs a vendor's named control action after applying its due steps; 404 for an unknown name. */
  runAction(vendor: VendorId, name: string): unknown {
    const action = this.vendors[vendor].model.actions?.[name];
    if (!action) throw new HttpError(404, 'not_found', `${vendor} has no action "${name}"`);
    const now = this.now();
    this.sync(vendor, now);
    return action(now);
  }

  addFault(vendor: VendorId, spec: FaultSpec): FaultView {
    const runtime = this.vendors[vendor];
    return viewFault(this.faults.add(vendor, spec, this.now(), runtime.model.drift, runtime.clock));
  }

  clearFaults(vendor: VendorId | null): number {
    return this.faults.clear(vendor, this.now());
  }

  setWebhook(vendor: VendorId, target: WebhookTarget): void {
    this.webhooks.set(vendor, target);
  }

  /** Sends a notification naming every record now, whether or not a step changed anything. */
  async notify(vendor: VendorId): Promise<(DeliveryResult & { ids: string[] }) | null> {
    this.sync(vendor, this.now());
    const notice = this.vendors[vendor].model.notifyAll();
    if (!notice) return null;
    return { ...(await this.webhooks.deliver(vendor, notice)), ids: notice.ids };
  }

  /** Steps vendors that have a webhook target, so notifications flow even when nobody polls. */
  pushDue(): void {
    const now = this.now();
    for (const vendor of VENDORS) if (this.webhooks.get(vendor)) this.sync(vendor, now);
  }

  state(): SimulatorState {
    const now = this.now();
    const vendors = Object.fromEntries(
      VENDORS.map((vendor): [VendorId, VendorStateView] => {
        this.sync(vendor, now);
        const runtime = this.vendors[vendor];
        const webhook = this.webhooks.get(vendor);
        return [
          vendor,
          {
            steps: runtime.steps,
            frozen: runtime.clock.frozenAt(now),
            faults: this.faults.active(vendor, now).map(viewFault),
            webhook: webhook ? { url: webhook.url } : null,
          },
        ];
      }),
    ) as Record<VendorId, VendorStateView>;
    return { now: iso(now), seed: this.settings.seed, evolveEveryMs: this.settings.evolveEveryMs, vendors };
  }
}

/** Several lazily applied steps become one notification naming every changed record once. */
function mergeNotices(notices: readonly ChangeNotice[]): ChangeNotice | null {
  if (notices.length === 0) return null;
  const ids = [...new Set(notices.flatMap((n) => n.ids))];
  return { ...notices[0], ids };
}
