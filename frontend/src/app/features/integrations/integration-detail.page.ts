import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { IntegrationEventDetail, IntegrationEventView } from '@switchyard/contracts';
import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { formatCount, formatDateTime, formatPercent } from '../../core/format-number';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { liveResource } from '../../shared/live-resource';
import { WidgetComponent } from '../../shared/widget.component';
import { formatSeconds, formatShare, STATUS_TONE } from './integration-format';
import { IntegrationsApiService } from './integrations-api.service';
import { IssuesTriageComponent } from './issues-triage.component';
import { ListPageComponent } from '../../shared/list-page.component';

/** One integration: its health, the live event stream, and an event's classification with feedback. */
@Component({
  selector: 'sy-integration-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, IssuesTriageComponent, ListPageComponent, RouterLink, WidgetComponent],
  templateUrl: './integration-detail.page.html',
})
export class IntegrationDetailPage {
  private readonly api = inject(IntegrationsApiService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly canManage = inject(AuthService).can('integrations.manage');
  readonly id = input.required<string>();
  protected readonly status = signal('');
  protected readonly page = signal(1);
  protected readonly selected = signal<IntegrationEventDetail | undefined>(undefined);
  protected readonly feedbackStatus = signal('');
  protected readonly tone = STATUS_TONE;
  protected readonly formatCount = formatCount;
  protected readonly formatPercent = formatPercent;
  protected readonly formatDateTime = formatDateTime;
  protected readonly formatSeconds = formatSeconds;
  protected readonly formatShare = formatShare;

  protected readonly health = liveResource({
    params: () => this.id(),
    load: (id) => this.api.get(id),
    topics: () => ['integrations'],
  });
  protected readonly events = liveResource({
    params: () => ({ id: this.id(), status: this.status(), page: this.page() }),
    load: (p) => this.api.events(p.id, p.status, p.page),
    topics: () => ['integrations'],
  });

  protected chooseStatus(event: Event): void {
    this.status.set((event.target as HTMLSelectElement).value);
    this.page.set(1);
  }

  protected open(event: IntegrationEventView): void {
    this.feedbackStatus.set('');
    this.api
      .event(event.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (detail) => this.selected.set(detail),
        error: (error: unknown) => this.feedbackStatus.set(`Could not load the event: ${describeError(error).message}`),
      });
  }

  protected feedback(helpful: boolean): void {
    const event = this.selected();
    if (!event) return;
    this.api
      .feedback(event.id, helpful)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.feedbackStatus.set(helpful ? 'Thanks: marked helpful' : 'Thanks: marked not helpful');
          this.health.reload();
        },
        error: (error: unknown) => this.feedbackStatus.set(`Refused: ${describeError(error).message}`),
      });
  }

  protected payloadText(event: IntegrationEventDetail): string {
    return JSON.stringify(event.payload, null, 2);
  }
}
