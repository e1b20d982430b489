import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ChartComponent } from '../../charts/chart.component';
import { formatCount, formatDateTime, formatPercent } from '../../core/format-number';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { liveResource } from '../../shared/live-resource';
import { WidgetComponent } from '../../shared/widget.component';
import { formatSeconds, formatShare, STATUS_TONE, successTrendChart } from './integration-format';
import { IntegrationsApiService } from './integrations-api.service';
import { IssuesTriageComponent } from './issues-triage.component';

/** Integration health cards, the success-rate trend, and the issues triage list. */
@Component({
  selector: 'sy-integrations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, ChartComponent, IssuesTriageComponent, RouterLink, WidgetComponent],
  templateUrl: './integrations.page.html',
})
export class IntegrationsPage {
  private readonly api = inject(IntegrationsApiService);
  protected readonly tone = STATUS_TONE;
  protected readonly formatCount = formatCount;
  protected readonly formatPercent = formatPercent;
  protected readonly formatDateTime = formatDateTime;
  protected readonly formatSeconds = formatSeconds;
  protected readonly formatShare = formatShare;

  protected readonly list = liveResource({
    params: () => null,
    load: () => this.api.list(),
    topics: () => ['integrations'],
  });
  protected readonly trend = computed(() => {
    const items = this.list.value()?.items;
    return items ? successTrendChart(items) : undefined;
  });
}
