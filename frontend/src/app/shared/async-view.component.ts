import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { ConsoleError } from '../core/api-error';
import { formatAge } from '../core/format-age';
import { NowService } from '../core/now.service';
import { LiveService } from '../live/live.service';

/**
 * The four states of an async view: loading (nothing yet), error (nothing to show),
 * stale (data on screen, marked with its age, while a refresh failed or the live stream
 * is down) and empty; the content otherwise.
 */
@Component({
  selector: 'sy-async-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './async-view.component.html',
  styleUrl: './async-view.component.css',
})
export class AsyncViewComponent {
  private readonly clock = inject(NowService);
  private readonly live = inject(LiveService);
  readonly loading = input(false);
  readonly error = input<ConsoleError | undefined>();
  readonly hasData = input(false);
  readonly empty = input(false);
  readonly emptyText = input('Nothing to show.');
  readonly receivedAt = input<number | undefined>();
  readonly liveProblem = input<string | undefined>();
  readonly retry = output();

  protected readonly age = computed(() => {
    const at = this.receivedAt();
    return at === undefined ? '' : formatAge(this.clock.now() - at);
  });
  protected readonly offline = computed(() => this.live.state() === 'offline');
}
