import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { AlertView } from '@switchyard/contracts';
import { EMPTY, filter, map, switchMap, take } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LiveService } from '../live/live.service';
import { liveResource } from '../shared/live-resource';

interface AlertChanged {
  alert: AlertView;
  previous: string | null;
  notify: boolean;
}

/** True for an `alert.changed` update that should raise a toast: a notifying critical alert. */
export function isCriticalNotification(type: string, data: unknown): data is AlertChanged {
  if (type !== 'alert.changed' || !data || typeof data !== 'object') return false;
  const change = data as Partial<AlertChanged>;
  return change.notify === true && change.alert?.severity === 'critical';
}

/** The top bar's count of firing alerts (a link to /alerts) and app-wide toasts for new critical alerts. */
@Component({
  selector: 'sy-alerts-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @if (canRead) {
      <a class="bell" routerLink="/alerts" data-testid="firing-alerts">
        Firing alerts
        <span class="sy-badge" [class.sy-badge--bad]="(firing.value() ?? 0) > 0">{{ firing.value() ?? '…' }}</span>
      </a>
      <div class="toasts" aria-live="assertive">
        @for (t of toasts(); track t.id) {
          <div class="toast sy-card" role="alert" data-testid="critical-toast">
            <strong>Critical alert:</strong> {{ t.message }}
            <a routerLink="/alerts" (click)="dismiss(t.id)">View</a>
            <button type="button" class="sy-button sy-button--small" (click)="dismiss(t.id)">Dismiss</button>
          </div>
        }
      </div>
    }
  `,
  styles: `
    .bell {
      color: inherit;
      white-space: nowrap;
    }
    .toasts {
      position: fixed;
      right: 16px;
      bottom: 16px;
      display: grid;
      gap: 8px;
      z-index: 20;
      max-width: min(420px, calc(100vw - 32px));
    }
    .toast {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      border-left: 4px solid var(--sy-bad, #c53030);
    }
  `,
})
export class AlertsBellComponent {
  private readonly http = inject(HttpClient);
  protected readonly canRead = inject(AuthService).can('alerts.read');
  private readonly live = inject(LiveService);
  /** The top bar joins the alerts topic once the connection is up, never while it is being set up. */
  private readonly connected = computed(() => this.live.state() === 'live');
  protected readonly toasts = signal<{ id: string; message: string }[]>([]);

  protected readonly firing = liveResource({
    params: () => ({ can: this.canRead, live: this.canRead && this.connected() }),
    load: (p) =>
      p.can
        ? this.http
            .get<{ items: AlertView[] }>('/api/v1/ops/alerts', { params: { state: 'firing' } })
            .pipe(map((r) => r.items.length))
        : EMPTY,
    topics: (p) => (p.live ? ['alerts'] : []),
  });

  constructor() {
    if (!this.canRead) return;
    toObservable(this.connected)
      .pipe(
        // take(1), not first(): a component destroyed before going live completes quietly.
        filter((up) => up),
        take(1),
        switchMap(() => this.live.watch('alerts')),
        filter((event) => event.kind === 'update'),
        map((event) => (event.kind === 'update' ? event.update : undefined)),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((update) => {
        if (update && isCriticalNotification(update.type, update.data)) {
          const alert = update.data.alert;
          this.toasts.update((list) =>
            [...list.filter((t) => t.id !== alert.id), { id: alert.id, message: alert.message }].slice(-3),
          );
        }
      });
  }

  protected dismiss(id: string): void {
    this.toasts.update((list) => list.filter((t) => t.id !== id));
  }
}
