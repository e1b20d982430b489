import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { SourceDomain } from '@switchyard/contracts';
import { Subject, type Observable, type Subscription } from 'rxjs';
import { DomainEventBus } from './domain-event-bus';

/**
 * Rows of a domain changed (for one tenant, or null for untenanted rows). `domain` null
 * means any domain may have changed (a source was created, edited or deleted).
 */
export interface DataChange {
  domain: SourceDomain | null;
  tenant: string | null;
  /** Announced on this replica (and to be told to the others), or received from another. */
  local: boolean;
}

/**
 * Changes of normalized data, from this replica's domain events and from the other
 * replicas (the realtime module's Redis relay calls `applyRemote`), for the caches of
 * computed answers that must drop what the change makes wrong.
 */
@Injectable()
export class DataChanges implements OnModuleDestroy {
  private readonly subject = new Subject<DataChange>();
  private readonly subscription: Subscription;

  constructor(bus: DomainEventBus) {
    this.subscription = bus.ofType('records.changed', 'source.changed').subscribe((event) => {
      if (event.type === 'records.changed') {
        this.subject.next({ domain: event.domain, tenant: event.tenant, local: true });
      } else {
        this.subject.next({ domain: null, tenant: null, local: true });
      }
    });
  }

  get changes$(): Observable<DataChange> {
    return this.subject.asObservable();
  }

  applyRemote(change: Omit<DataChange, 'local'>): void {
    this.subject.next({ ...change, local: false });
  }

  onModuleDestroy(): void {
    this.subscription.unsubscribe();
    this.subject.complete();
  }
}
