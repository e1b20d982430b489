import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { SOURCE_DOMAINS, SOURCE_KINDS, type Source } from '@switchyard/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { formatAge } from '../../core/format-age';
import { FRESHNESS_LABELS, freshnessTone } from '../../core/freshness-view';
import { NowService } from '../../core/now.service';
import { downloadCsv, toCsv } from '../../core/csv';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { liveResource } from '../../shared/live-resource';
import { PagerComponent } from '../../shared/pager.component';
import { RefreshButtonComponent } from '../../shared/refresh-button.component';
import { SourcesApiService } from '../../shared/sources-api.service';
import { WidgetComponent } from '../../shared/widget.component';
import { describeCadence } from './source-format';

/** Every 10 s: the list has no topic of its own (one per source would be many subscriptions). */
export const SOURCES_POLL_MS = 10_000;

/** Sources with state, cadence, breaker, last run and freshness; refresh now per source. */
@Component({
  selector: 'sy-sources-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, FormsModule, PagerComponent, RefreshButtonComponent, RouterLink, WidgetComponent],
  templateUrl: './sources-list.page.html',
})
export class SourcesListPage {
  private readonly api = inject(SourcesApiService);
  private readonly clock = inject(NowService);
  private readonly auth = inject(AuthService);
  protected readonly canWrite = this.auth.can('sources.write');
  protected readonly canReadCredentials = this.auth.can('credentials.read');
  protected readonly domains = SOURCE_DOMAINS;
  protected readonly kinds = SOURCE_KINDS;
  protected readonly domain = signal('');
  protected readonly kind = signal('');
  protected readonly page = signal(1);
  protected readonly sources = liveResource({
    params: () => ({ domain: this.domain(), kind: this.kind(), page: this.page(), pageSize: 50 }),
    load: (p) => this.api.list(p),
    topics: () => [],
    pollMs: SOURCES_POLL_MS,
  });
  protected readonly describeCadence = describeCadence;
  protected readonly stateLabel = (s: Source) => FRESHNESS_LABELS[s.status.freshness.state];
  protected readonly tone = (s: Source) => freshnessTone(s.status.freshness.state);

  protected ago(iso: string | null): string {
    return iso ? formatAge(this.clock.now() - Date.parse(iso)) : 'never';
  }

  protected exportCsv(rows: readonly Source[]): void {
    const csv = toCsv(rows, [
      { header: 'Id', value: (s) => s.id },
      { header: 'Name', value: (s) => s.name },
      { header: 'Domain', value: (s) => s.domain },
      { header: 'Kind', value: (s) => s.kind },
      { header: 'Tenant', value: (s) => s.tenant },
      { header: 'Enabled', value: (s) => s.enabled },
      { header: 'Freshness', value: (s) => s.status.freshness.state },
      { header: 'Cadence', value: (s) => describeCadence(s.cadence) },
      { header: 'Breaker', value: (s) => s.status.breaker.state },
      { header: 'Last run', value: (s) => s.status.lastRunStatus },
      { header: 'Last success', value: (s) => s.status.lastSuccessAt },
    ]);
    downloadCsv('sources.csv', csv);
  }
}
