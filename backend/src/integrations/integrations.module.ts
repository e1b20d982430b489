import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SyncModule } from '../sync';
import { FailureClassifierService } from './classifier/failure-classifier.service';
import { IntegrationEventEntity, IntegrationFeedbackEntity, IntegrationIssueEntity } from './entities';
import { IntegrationHealthService } from './health/integration-health.service';
import { IntegrationWebhookController } from './intake/integration-webhook.controller';
import { WebhookIntakeService } from './intake/webhook-intake.service';
import { WebhookSecretsService } from './intake/webhook-secrets.service';
import { IntegrationEventsController } from './integration-events.controller';
import { IntegrationEventsRepository } from './integration-events.repository';
import { IntegrationEventsService } from './integration-events.service';
import { IntegrationFeedbackRepository } from './integration-feedback.repository';
import { IntegrationIssuesRepository } from './integration-issues.repository';
import { IntegrationsController } from './integrations.controller';
import { IntegrationIssuesController } from './issues/integration-issues.controller';
import { IssueTrackerService } from './issues/issue-tracker.service';
import { EventProcessorService } from './processing/event-processor.service';
import { IntegrationRetention } from './processing/integration-retention.service';
import { WebhookSourceAllowlist } from './intake/webhook-source-allowlist';
import { WebhookSenders } from './senders/webhook-senders.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([IntegrationEventEntity, IntegrationIssueEntity, IntegrationFeedbackEntity]),
    SyncModule,
  ],
  controllers: [
    IntegrationWebhookController,
    IntegrationsController,
    IntegrationEventsController,
    IntegrationIssuesController,
  ],
  providers: [
    WebhookSecretsService,
    WebhookIntakeService,
    WebhookSourceAllowlist,
    WebhookSenders,
    EventProcessorService,
    IntegrationRetention,
    FailureClassifierService,
    IssueTrackerService,
    IntegrationHealthService,
    IntegrationEventsService,
    IntegrationEventsRepository,
    IntegrationIssuesRepository,
    IntegrationFeedbackRepository,
  ],
  exports: [EventProcessorService, WebhookSecretsService],
})
export class IntegrationsModule {}
