import {
  alertVisibleTo,
  opsModulesOf,
  type AlertView,
  type LiveUpdate,
  type OpsModule,
  type Principal,
} from '@switchyard/contracts';

/**
 * One update as one recipient may see it, beyond being allowed its topic, or null when it
 * is not theirs. A refused update advances the recipient's position unsent (no gap is
 * reported).
 * - `alerts` and `user:<id>`: each alert has its own module and tenant, checked by the same
 *   rule as the REST list (`user:<id>` also needs `alerts.read`, as the list does).
 * - `datapoints`: only the points whose `moduleAccess` includes one of the recipient's modules.
 * The modules owning other topics narrow them in their audience filters (`LiveRoutes.view`).
 */
export function viewFor(principal: Principal, update: LiveUpdate): LiveUpdate | null {
  if (update.topic === 'alerts') return alertFor(principal, update);
  if (update.topic.startsWith('user:')) {
    return principal.permissions.includes('alerts.read') ? alertFor(principal, update) : null;
  }
  if (update.topic === 'datapoints') return pointsFor(principal, update);
  return update;
}

function alertFor(principal: Principal, update: LiveUpdate): LiveUpdate | null {
  const alert = (update.data as { alert?: Partial<AlertView> } | null)?.alert;
  if (!alert) return update;
  const visible =
    alert.module !== undefined && alertVisibleTo(principal, { module: alert.module, tenant: alert.tenant ?? null });
  return visible ? update : null;
}

function pointsFor(principal: Principal, update: LiveUpdate): LiveUpdate | null {
  const data = update.data as { points?: Array<{ moduleAccess?: OpsModule[] }> } | null;
  if (!data?.points) return update;
  const modules = opsModulesOf(principal.roles);
  const points = data.points.filter((p) => (p.moduleAccess ?? []).some((m) => modules.includes(m)));
  if (points.length === 0) return null;
  return points.length === data.points.length ? update : { ...update, data: { ...data, points } };
}
