import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { SyncRun, SyncRunStatus } from '@switchyard/contracts';
import { filter, switchMap, take, takeWhile, timer } from 'rxjs';
import { describeError } from '../core/api-error';
import { AuthService } from '../core/auth/auth.service';
import { SourcesApiService } from './sources-api.service';

const UNFINISHED: readonly SyncRunStatus[] = ['queued', 'running'];
/** How often a run in progress is asked about, and for how long at most. */
export const RUN_POLL_MS = 1000;
const RUN_POLL_LIMIT = 120;

/** "Refresh now" for one source (needs sources.refresh), then the run's progress until it ends. */
@Component({
  selector: 'sy-refresh-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (allowed) {
      <button type="button" class="sy-button sy-button--small" [disabled]="busy()" (click)="refresh()">
        {{ busy() ? 'Refreshing…' : 'Refresh now'
        }}<span class="sy-visually-hidden">: {{ sourceName() || sourceId() }}</span>
      </button>
      <span class="progress" aria-live="polite" data-testid="refresh-progress">{{ progress() }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      gap: 8px;
      align-items: center;
    }
    .progress {
      font-size: 0.85rem;
      color: var(--sy-muted);
    }
  `,
})
export class RefreshButtonComponent {
  private readonly api = inject(SourcesApiService);
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);
  readonly sourceId = input.required<string>();
  readonly sourceName = input<string>('');
  /** The run ended (any outcome): the page may load again. */
  readonly finished = output<SyncRun | undefined>();

  protected readonly allowed = this.auth.can('sources.refresh');
  protected readonly busy = signal(false);
  protected readonly progress = signal('');

  protected refresh(): void {
    this.busy.set(true);
    this.progress.set('Queued…');
    this.api
      .refresh(this.sourceId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (accepted) => {
          this.progress.set(`Run ${accepted.status}`);
          if (this.auth.can('sync.read')) this.follow(accepted.runId);
          else this.done(undefined);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.progress.set(`Refresh refused: ${describeError(error).message}`);
        },
      });
  }

  private follow(runId: string): void {
    timer(RUN_POLL_MS, RUN_POLL_MS)
      .pipe(
        take(RUN_POLL_LIMIT),
        switchMap(() => this.api.run(runId)),
        takeWhile((run) => UNFINISHED.includes(run.status), true),
        filter((run) => {
          this.progress.set(`Run ${run.status.replace(/_/g, ' ')}`);
          return !UNFINISHED.includes(run.status);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (run) => {
          const records = run.recordsUpserted ? `, ${run.recordsUpserted} records` : '';
          const failure = run.errorMessage ? `: ${run.errorMessage}` : '';
          this.progress.set(`Run ${run.status.replace(/_/g, ' ')}${records}${failure}`);
          this.done(run);
        },
        error: () => this.done(undefined),
        complete: () => this.busy.set(false),
      });
  }

  private done(run: SyncRun | undefined): void {
    this.busy.set(false);
    this.finished.emit(run);
  }
}
