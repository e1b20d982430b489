import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { DomainEvent, DomainEventType } from '@switchyard/contracts';
import { filter, Subject, type Observable } from 'rxjs';

type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/**
 * The one in-process bus every state change goes through. Publishers never wait for
 * subscribers, and a failing subscriber cannot break a publisher or other subscribers.
 */
@Injectable()
export class DomainEventBus implements OnModuleDestroy {
  private readonly logger = new Logger(DomainEventBus.name);
  private readonly subject = new Subject<DomainEvent>();

  publish(event: DomainEvent): void {
    try {
      this.subject.next(event);
    } catch (error) {
      this.logger.error({ err: error, eventType: event.type }, 'a domain event subscriber threw');
    }
  }

  get events$(): Observable<DomainEvent> {
    return this.subject.asObservable();
  }

  ofType<T extends DomainEventType>(...types: T[]): Observable<EventOf<T>> {
    return this.subject.pipe(filter((e): e is EventOf<T> => (types as DomainEventType[]).includes(e.type)));
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
