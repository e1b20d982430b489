import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { formatDateTime } from '../../core/format-number';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import { liveResource } from '../../shared/live-resource';
import { WorkplaceDataService } from './workplace-data.service';
import { ListPageComponent } from '../../shared/list-page.component';

/** Upcoming meetings, visits and checkpoints, recurring ones expanded by the server. */
@Component({
  selector: 'sy-events-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DataDelayedComponent, FormsModule, ListPageComponent],
  templateUrl: './events.page.html',
})
export class EventsPage {
  private readonly data = inject(WorkplaceDataService);
  protected readonly timeframes = ['1d', '7d', '14d', '30d', '90d'];
  protected readonly timeframe = signal('7d');
  protected readonly location = signal('');
  protected readonly page = signal(1);
  protected readonly events = liveResource({
    params: () => ({ timeframe: this.timeframe(), location: this.location(), page: this.page(), pageSize: 25 }),
    load: (p) => this.data.events(p),
    topics: () => ['domain:events'],
  });
  protected readonly formatDateTime = formatDateTime;
}
