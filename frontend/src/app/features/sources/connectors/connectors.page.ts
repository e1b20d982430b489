import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ConnectorSummary } from '@switchyard/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { AsyncViewComponent } from '../../../shared/async-view.component';
import { liveResource } from '../../../shared/live-resource';
import { WidgetComponent } from '../../../shared/widget.component';
import { ConnectorsApiService } from './connectors-api.service';

/** Built-in and custom connectors: auth type, streams and the records they feed, version. */
@Component({
  selector: 'sy-connectors-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, RouterLink, WidgetComponent],
  templateUrl: './connectors.page.html',
})
export class ConnectorsPage {
  private readonly api = inject(ConnectorsApiService);
  protected readonly canWrite = inject(AuthService).can('sources.write');
  protected readonly connectors = liveResource({
    params: () => null,
    load: () => this.api.list(),
    topics: () => [],
  });

  protected streamsOf(connector: ConnectorSummary): string[] {
    return connector.streams.map((s) => `${s.label} → ${s.targets.join(', ')}`);
  }
}
