import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ISSUE_STATES, type ErrorClassification, type IssueView } from '@switchyard/contracts';
import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { liveResource } from '../../shared/live-resource';
import { TimeComponent } from '../../shared/time.component';
import { IntegrationsApiService, type IssueAction } from './integrations-api.service';

/** "1 occurrence", "12 occurrences". */
export function occurrences(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'occurrence' : 'occurrences'}`;
}

/** The issues triage list: failures grouped by signature, with acknowledge / resolve / ignore. */
@Component({
  selector: 'sy-issues-triage',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, TimeComponent],
  templateUrl: './issues-triage.component.html',
})
export class IssuesTriageComponent {
  private readonly api = inject(IntegrationsApiService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly canManage = inject(AuthService).can('integrations.manage');
  /** Only this integration's issues, when set. */
  readonly integration = input<string | undefined>(undefined);
  protected readonly states = ['', ...ISSUE_STATES];
  protected readonly state = signal('open');
  protected readonly status = signal('');
  protected readonly busy = signal(false);

  protected readonly issues = liveResource({
    params: () => ({ state: this.state(), integration: this.integration() }),
    load: (p) => this.api.issues(p.state, p.integration),
    topics: () => ['integrations'],
  });

  /** When the list was last received, for the freshness line of the card around it. */
  readonly receivedAt = computed(() => this.issues.receivedAt());
  protected readonly occurrences = occurrences;

  /** Classification of each issue's latest event, loaded when asked for. */
  protected readonly details = signal<Record<string, ErrorClassification | null | 'loading'>>({});

  protected showDetails(issue: IssueView): void {
    this.details.update((d) => ({ ...d, [issue.id]: 'loading' }));
    this.api
      .event(issue.lastEventId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (event) => this.details.update((d) => ({ ...d, [issue.id]: event.classification })),
        error: () => this.details.update((d) => ({ ...d, [issue.id]: null })),
      });
  }

  protected asClassification(value: ErrorClassification | null | 'loading' | undefined): ErrorClassification | null {
    return value && value !== 'loading' ? value : null;
  }

  protected chooseState(event: Event): void {
    this.state.set((event.target as HTMLSelectElement).value);
  }

  protected act(issue: IssueView, action: IssueAction): void {
    this.busy.set(true);
    this.api
      .act(issue.id, action)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.busy.set(false);
          this.status.set(`${updated.title}: ${updated.state}`);
          this.issues.reload();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.status.set(`Refused: ${describeError(error).message}`);
        },
      });
  }
}
