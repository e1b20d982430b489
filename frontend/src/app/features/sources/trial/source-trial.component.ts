import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { SourcePreviewResult, SourceTestResult, SourceTrialInput } from '@switchyard/contracts';
import type { Observable } from 'rxjs';
import { SourcesApiService } from '../../../shared/sources-api.service';
import { PreviewTableComponent } from './preview-table.component';
import { describeTrialFailure, type TrialFailure } from './source-trial';

type Outcome =
  | { kind: 'tested'; result: SourceTestResult }
  | { kind: 'previewed'; result: SourcePreviewResult }
  | { kind: 'failed'; action: 'Test' | 'Preview'; failure: TrialFailure };

/**
 * Test connection and Preview for a draft source (and draft connector): nothing is stored.
 * A draft the API refuses emits its field errors so the form can show them by the inputs.
 */
@Component({
  selector: 'sy-source-trial',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PreviewTableComponent],
  templateUrl: './source-trial.component.html',
})
export class SourceTrialComponent {
  private readonly api = inject(SourcesApiService);
  private readonly destroyRef = inject(DestroyRef);
  /** The draft to try; null while the form cannot make one (the reason is shown instead). */
  readonly trial = input.required<SourceTrialInput | null>();
  readonly notReady = input('');
  /** Field errors of the last attempt, keyed by full API path; empty after one the API accepted. */
  readonly fieldErrors = output<Map<string, string>>();

  protected readonly busy = signal<'' | 'Test' | 'Preview'>('');
  protected readonly outcome = signal<Outcome | undefined>(undefined);
  protected readonly tested = computed(() => narrow(this.outcome(), 'tested'));
  protected readonly previewed = computed(() => narrow(this.outcome(), 'previewed'));
  protected readonly failed = computed(() => narrow(this.outcome(), 'failed'));

  protected test(): void {
    this.run(
      'Test',
      (trial) => this.api.test(trial),
      (result) => ({ kind: 'tested', result }),
    );
  }

  protected preview(): void {
    this.run(
      'Preview',
      (trial) => this.api.preview(trial),
      (result) => ({ kind: 'previewed', result }),
    );
  }

  private run<T>(action: 'Test' | 'Preview', call: (t: SourceTrialInput) => Observable<T>, done: (r: T) => Outcome) {
    const trial = this.trial();
    if (!trial) return;
    this.busy.set(action);
    this.outcome.set(undefined);
    call(trial)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.busy.set('');
          this.outcome.set(done(result));
          this.fieldErrors.emit(new Map());
        },
        error: (error: unknown) => {
          const failure = describeTrialFailure(error);
          this.busy.set('');
          this.outcome.set({ kind: 'failed', action, failure });
          this.fieldErrors.emit(failure.kind === 'invalid' ? failure.fields : new Map<string, string>());
        },
      });
  }
}

function narrow<K extends Outcome['kind']>(
  outcome: Outcome | undefined,
  kind: K,
): Extract<Outcome, { kind: K }> | undefined {
  return outcome?.kind === kind ? (outcome as Extract<Outcome, { kind: K }>) : undefined;
}
