export { IntegrationEventEntity } from './integration-event.entity';
export { IntegrationFeedbackEntity } from './integration-feedback.entity';
export { IntegrationIssueEntity } from './integration-issue.entity';
