export { IntegrationsModule } from './integrations.module';
export { IntegrationEventEntity, IntegrationFeedbackEntity, IntegrationIssueEntity } from './entities';
export { DEMO_WEBHOOK_SECRET } from './intake/webhook-secrets.service';
export { EventProcessorService } from './processing/event-processor.service';
