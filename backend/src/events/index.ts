export { DomainEventBus } from './domain-event-bus';
export { EventsModule } from './events.module';
