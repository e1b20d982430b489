import { Global, Module } from '@nestjs/common';
import { DataChanges } from './data-changes';
import { DomainEventBus } from './domain-event-bus';

@Global()
@Module({ providers: [DomainEventBus, DataChanges], exports: [DomainEventBus, DataChanges] })
export class EventsModule {}
