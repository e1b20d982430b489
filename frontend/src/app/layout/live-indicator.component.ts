import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { LiveService } from '../live/live.service';

const LABELS = { live: 'Live', reconnecting: 'Reconnecting', offline: 'Offline' } as const;

/** Live / reconnecting / offline, always on screen. */
@Component({
  selector: 'sy-live-indicator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="live live--{{ state() }}" role="status" data-testid="live-state" [attr.title]="title()"
    ><span class="dot" aria-hidden="true"></span>{{ label() }}</span
  >`,
  styles: `
    .live {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font-size: 0.85rem;
      color: #e3e9f0;
    }
    .dot {
      width: 9px;
      height: 9px;
      border-radius: 50%;
      background: #9fb6c8;
    }
    .live--live .dot {
      background: #4cc38a;
    }
    .live--reconnecting .dot {
      background: #f0b24a;
    }
    .live--offline .dot {
      background: #f07167;
    }
  `,
})
export class LiveIndicatorComponent {
  private readonly live = inject(LiveService);
  protected readonly state = this.live.state;
  protected readonly label = computed(() => LABELS[this.state()]);
  protected readonly title = computed(() => {
    const transport = this.live.transport();
    return transport === 'none'
      ? 'No live connection'
      : `Live updates over ${transport === 'sse' ? 'SSE' : 'Socket.IO'}`;
  });
}
