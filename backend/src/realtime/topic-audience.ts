import { alertVisibleTo, type AlertView, type LiveUpdate, type Principal } from '@switchyard/contracts';

/**
 * Whether one update may reach one recipient, beyond being allowed its topic: on `alerts`
 * each alert has its own module and tenant, checked by the same rule as the REST list. A
 * refused update advances the recipient's position unsent (no gap is reported).
 */
export function updateVisibleTo(principal: Principal, update: LiveUpdate): boolean {
  if (update.topic !== 'alerts') return true;
  const alert = (update.data as { alert?: Partial<AlertView> } | null)?.alert;
  if (!alert) return true;
  return (
    alert.module !== undefined && alertVisibleTo(principal, { module: alert.module, tenant: alert.tenant ?? null })
  );
}
