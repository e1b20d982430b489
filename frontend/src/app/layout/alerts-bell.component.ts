import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { AlertView } from '@switchyard/contracts';
import { EMPTY, filter, map } from 'rxjs';
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
            <span class="toast__message"><strong>Critical alert:</strong> {{ t.message }}</span>
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
    /* The pop-up sits inside the dark top bar: it sets its own colours rather than inherit white text. */
    .toast {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      background: var(--sy-surface);
      color: var(--sy-ink);
      border-left: 4px solid var(--sy-bad);
      box-shadow: 0 4px 16px rgb(0 0 0 / 25%);
    }
    .toast strong {
      color: var(--sy-bad-ink);
    }
    .toast a {
      color: var(--sy-accent);
    }
    .toast__message {
      flex: 1 1 100%;
    }
  `,
})
export class AlertsBellComponent {
  private readonly http = inject(HttpClient);
  protected readonly canRead = inject(AuthService).can('alerts.read');
  private readonly live = inject(LiveService);
  protected readonly toasts = signal<{ id: string; message: string }[]>([]);

  /** Loaded by REST, then again on every `alerts` update and after a missed one (resume or resync). */
  protected readonly firing = liveResource({
    params: () => ({ can: this.canRead }),
    load: (p) =>
      p.can
        ? this.http
            .get<{ items: AlertView[] }>('/api/v1/ops/alerts', { params: { state: 'firing' } })
            .pipe(map((r) => r.items.length))
        : EMPTY,
    topics: (p) => (p.can ? ['alerts'] : []),
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    // The top bar is on every page: it holds the app-wide connection, so the indicator is true even
    // on pages without a topic of their own, and joins `alerts` straight away for the bell and pop-up.
    this.live.hold().pipe(takeUntilDestroyed(destroyRef)).subscribe();
    if (!this.canRead) return;
    this.live
      .watch('alerts')
      .pipe(
        filter((event) => event.kind === 'update'),
        map((event) => (event.kind === 'update' ? event.update : undefined)),
        takeUntilDestroyed(destroyRef),
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
