export { DomainEventBus } from './domain-event-bus';
export { DataChanges, type DataChange } from './data-changes';
export { EventsModule } from './events.module';
