import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { SourceDomain } from '@switchyard/contracts';
import { merge, type Subscription } from 'rxjs';
import { DataChanges, type DataChange } from '../events';
import { SourceStateView, type StateChange } from '../sources';
import { RedisConnections } from './redis-connections';

/** One message: which data and which sources' state changed on the sending replica. */
interface ChangeMessage {
  origin: string;
  /** Sources whose state changed, or 'all' (every source's state, or the sources themselves). */
  states: string[] | 'all';
  sources: boolean;
  data: { domain: SourceDomain | null; tenant: string | null }[];
}

type Publisher = { publish(channel: string, message: string): Promise<number> };

/**
 * Tells the other replicas, through Redis pub/sub, that sources, their state or normalized
 * data changed here, so their in-memory source view and their caches of computed answers
 * are dropped within milliseconds. Changes made in one turn of the event loop go as one
 * message. A message lost while Redis is away is made up by the caches' maximum ages.
 */
@Injectable()
export class ChangeRelay implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ChangeRelay.name);
  private readonly origin = `${process.pid}:${Math.random().toString(36).slice(2)}`;
  private subscription: Subscription | null = null;
  private pending: ChangeMessage | null = null;

  constructor(
    private readonly redis: RedisConnections,
    private readonly view: SourceStateView,
    private readonly data: DataChanges,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.redis.enabled) return;
    const channel = this.redis.key('changes', 'relay');
    const publisher = this.redis.open('change-relay-pub');
    const subscriber = this.redis.open('change-relay-sub');
    subscriber.on('message', (_channel: string, message: string) => this.receive(message));
    await subscriber.subscribe(channel);
    const local = merge(this.view.invalidations$, this.data.changes$);
    this.subscription = local.subscribe((change) => {
      if (!change.local) return;
      const message = this.pending ?? this.startMessage(channel, publisher);
      if ('change' in change) addState(message, change.change);
      else if (!message.data.some((d) => d.domain === change.domain && d.tenant === change.tenant)) {
        message.data.push(dataOf(change));
      }
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** A message gathering this turn's changes, published when the turn ends. */
  private startMessage(channel: string, publisher: Publisher): ChangeMessage {
    const message: ChangeMessage = { origin: this.origin, states: [], sources: false, data: [] };
    this.pending = message;
    setImmediate(() => {
      this.pending = null;
      publisher.publish(channel, JSON.stringify(message)).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not tell the other replicas about a change');
      });
    });
    return message;
  }

  private receive(raw: string): void {
    try {
      const message = JSON.parse(raw) as Partial<ChangeMessage>;
      if (message.origin === this.origin) return;
      if (message.sources) this.view.applyRemote({ kind: 'sources' });
      if (message.states === 'all') this.view.applyRemote({ kind: 'all' });
      else if (Array.isArray(message.states) && message.states.length > 0) {
        this.view.applyRemote({ kind: 'states', ids: message.states.filter((id) => typeof id === 'string') });
      }
      for (const change of Array.isArray(message.data) ? message.data : []) this.data.applyRemote(dataOf(change));
    } catch (error) {
      this.logger.warn({ err: error }, 'unreadable change message on the Redis channel');
    }
  }
}

function addState(message: ChangeMessage, change: StateChange): void {
  if (change.kind === 'sources') message.sources = true;
  else if (change.kind === 'all') message.states = 'all';
  else if (message.states !== 'all') {
    for (const id of change.ids) if (!message.states.includes(id)) message.states.push(id);
  }
}

function dataOf(change: Pick<DataChange, 'domain' | 'tenant'>): Pick<DataChange, 'domain' | 'tenant'> {
  return { domain: change.domain ?? null, tenant: change.tenant ?? null };
}
