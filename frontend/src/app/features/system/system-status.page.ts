import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { BackendInstance, SystemStatus } from '@switchyard/contracts';
import { catchError, forkJoin, map, of, switchMap, timer } from 'rxjs';
import { describeError, type ConsoleError } from '../../core/api-error';
import { formatAge, formatDuration } from '../../core/format-age';
import { NowService } from '../../core/now.service';
import { TimeComponent } from '../../shared/time.component';
import { SystemDataService } from './system-data.service';

/** How often the page asks the API again. */
export const SYSTEM_REFRESH_MS = 10_000;

interface Snapshot {
  status: SystemStatus;
  instances: BackendInstance[];
  /** When the browser received it; ages are shown from this. */
  receivedAt: number;
}

const DATABASE_LABELS: Record<SystemStatus['database']['kind'], string> = {
  pglite: 'Embedded PGlite',
  postgres: 'PostgreSQL server',
};

@Component({
  selector: 'sy-system-status-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TimeComponent],
  templateUrl: './system-status.page.html',
  styleUrl: './system-status.page.css',
})
export class SystemStatusPage {
  private readonly data = inject(SystemDataService);
  private readonly clock = inject(NowService);

  protected readonly snapshot = signal<Snapshot | undefined>(undefined);
  protected readonly error = signal<ConsoleError | undefined>(undefined);
  protected readonly loading = computed(() => this.snapshot() === undefined && this.error() === undefined);
  /** Data on screen but the latest refresh failed: shown, marked with its age. */
  protected readonly stale = computed(() => this.snapshot() !== undefined && this.error() !== undefined);
  protected readonly updatedAgo = computed(() => {
    const snapshot = this.snapshot();
    return snapshot ? formatAge(this.clock.now() - snapshot.receivedAt) : '';
  });
  protected readonly databaseLabel = computed(() => {
    const kind = this.snapshot()?.status.database.kind;
    return kind ? DATABASE_LABELS[kind] : '';
  });
  /** Uptime as reported, advanced by the time since it was received, so it ticks. */
  protected readonly uptime = computed(() => {
    const snapshot = this.snapshot();
    if (!snapshot) return '';
    const elapsed = Math.max(0, Math.floor((this.clock.now() - snapshot.receivedAt) / 1000));
    return formatDuration(snapshot.status.uptimeSeconds + elapsed);
  });
  /** "PostgreSQL 18.6 (PGlite 0.5.16)" rather than the full build string, which goes in the title. */
  protected readonly serverShort = computed(() => {
    const full = this.snapshot()?.status.database.serverVersion;
    return full ? full.split(' on ')[0] : 'unknown';
  });

  protected ageOf(iso: string): string {
    return formatAge(this.clock.now() - Date.parse(iso));
  }

  constructor() {
    timer(0, SYSTEM_REFRESH_MS)
      .pipe(
        switchMap(() =>
          forkJoin({ status: this.data.status(), instances: this.data.instances() }).pipe(
            map((result) => ({ ok: true as const, result })),
            catchError((error: unknown) => of({ ok: false as const, error: describeError(error) })),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((outcome) => {
        if (outcome.ok) {
          this.snapshot.set({
            status: outcome.result.status,
            instances: outcome.result.instances.items,
            receivedAt: Date.now(),
          });
          this.error.set(undefined);
        } else {
          this.error.set(outcome.error);
        }
      });
  }
}
