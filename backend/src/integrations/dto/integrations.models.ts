import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FAILURE_CATEGORIES,
  FAILURE_ORIGINS,
  FAILURE_SEVERITIES,
  INTEGRATION_EVENT_STATUSES,
  INTEGRATION_HEALTH_STATUSES,
  INTEGRATIONS,
  ISSUE_STATES,
  type IntegrationEventStatus,
  type IntegrationId,
  type IssueState,
  type ErrorClassification,
  type FeedbackShare,
  type FeedbackView,
  type GoldenCase,
  type HourlyHealthPoint,
  type IntegrationDetail,
  type IntegrationEventDetail,
  type IntegrationEventError,
  type IntegrationEventView,
  type IntegrationHealth,
  type IntegrationList,
  type IssueHistoryEntry,
  type IssueView,
  type Page,
  type WebhookReceipt,
  type IssueDetail,
  type ItemList,
} from '@switchyard/contracts';
import { oneOf, PageModel, PageQueryDto, QueryField, TimestampedModel, zodBodySchema } from '../../common';
import { feedbackSchema, issueActionSchema } from './integrations.schemas';

// ---- requests ------------------------------------------------------------------------

export class IntegrationEventsQueryDto extends PageQueryDto {
  @QueryField(oneOf('status', INTEGRATION_EVENT_STATUSES).optional(), { enum: INTEGRATION_EVENT_STATUSES })
  status?: IntegrationEventStatus;
}

export class IntegrationIssuesQueryDto extends PageQueryDto {
  @QueryField(oneOf('state', ISSUE_STATES).optional(), { enum: ISSUE_STATES })
  state?: IssueState;

  @QueryField(oneOf('integration', INTEGRATIONS).optional(), { enum: INTEGRATIONS })
  integration?: IntegrationId;
}

export const ISSUE_ACTION_BODY = zodBodySchema(issueActionSchema);
export const FEEDBACK_BODY = zodBodySchema(feedbackSchema);

// ---- responses -----------------------------------------------------------------------

export class WebhookReceiptModel implements WebhookReceipt {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ enum: INTEGRATIONS }) integration!: WebhookReceipt['integration'];
  @ApiProperty() webhookId!: string;
  @ApiProperty({ enum: INTEGRATION_EVENT_STATUSES }) status!: WebhookReceipt['status'];
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({
    required: false,
    description: 'Every event of a delivery that carried several (QuickBooks batches).',
    type: 'array',
    items: {
      type: 'object',
      properties: { eventId: { type: 'string' }, webhookId: { type: 'string' }, status: { type: 'string' } },
    },
  })
  events?: WebhookReceipt['events'];
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class ClassificationModel implements ErrorClassification {
  @ApiProperty({ enum: FAILURE_CATEGORIES }) category!: ErrorClassification['category'];
  @ApiProperty({ enum: FAILURE_SEVERITIES }) severity!: ErrorClassification['severity'];
  @ApiProperty() cause!: string;
  @ApiProperty() suggestedFix!: string;
  @ApiProperty({ type: [String] }) affectedData!: string[];
  @ApiProperty() businessImpact!: string;
  @ApiProperty() retryable!: boolean;
  @ApiProperty({ enum: FAILURE_ORIGINS }) origin!: ErrorClassification['origin'];
  @ApiProperty({ enum: ['rules', 'llm'] }) classifiedBy!: ErrorClassification['classifiedBy'];
  @ApiProperty({ description: 'Normalized message used for grouping.' }) signature!: string;
}

export class EventErrorModel implements IntegrationEventError {
  @ApiProperty() message!: string;
  @ApiProperty({ nullable: true, type: String }) code!: string | null;
  @ApiProperty({ nullable: true, type: Number }) httpStatus!: number | null;
}

export class IntegrationEventModel implements IntegrationEventView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: INTEGRATIONS }) integration!: IntegrationEventView['integration'];
  @ApiProperty() webhookId!: string;
  @ApiProperty({ example: 'payroll.submit' }) eventType!: string;
  @ApiProperty({ enum: INTEGRATION_EVENT_STATUSES }) status!: IntegrationEventView['status'];
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) processedAt!: string | null;
  @ApiProperty({ type: EventErrorModel, nullable: true }) error!: EventErrorModel | null;
  @ApiProperty({ type: ClassificationModel, nullable: true }) classification!: ClassificationModel | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) issueId!: string | null;
}

export class IntegrationEventDetailModel extends IntegrationEventModel implements IntegrationEventDetail {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The body as received, PII redacted.' })
  payload!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class IntegrationEventPageModel extends PageModel implements Page<IntegrationEventView> {
  @ApiProperty({ type: [IntegrationEventModel] }) items!: IntegrationEventModel[];
}

export class FeedbackShareModel implements FeedbackShare {
  @ApiProperty() helpful!: number;
  @ApiProperty() notHelpful!: number;
  @ApiProperty({ nullable: true, type: Number, description: '0..1' }) helpfulShare!: number | null;
}

export class HourlyHealthPointModel implements HourlyHealthPoint {
  @ApiProperty({ format: 'date-time' }) hour!: string;
  @ApiProperty() successes!: number;
  @ApiProperty() failures!: number;
}

export class IntegrationHealthModel implements IntegrationHealth {
  @ApiProperty({ enum: INTEGRATIONS }) id!: IntegrationHealth['id'];
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: INTEGRATION_HEALTH_STATUSES }) status!: IntegrationHealth['status'];
  @ApiProperty({ nullable: true, type: Number, description: 'Percent, last 24 h.' }) successRate!: number | null;
  @ApiProperty({ description: 'Percent of the last 24 hours that were healthy.' }) uptime!: number;
  @ApiProperty() events24h!: number;
  @ApiProperty() errors24h!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastEventAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastFailureAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) mttdSeconds!: number | null;
  @ApiProperty({ nullable: true, type: Number }) mttrSeconds!: number | null;
  @ApiProperty() openIssues!: number;
  @ApiProperty({ type: [HourlyHealthPointModel] }) trend!: HourlyHealthPointModel[];
  @ApiProperty({ type: FeedbackShareModel }) feedback!: FeedbackShareModel;
}

export class IntegrationDetailModel extends IntegrationHealthModel implements IntegrationDetail {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class IntegrationListModel extends TimestampedModel implements IntegrationList {
  @ApiProperty({ type: [IntegrationHealthModel] }) items!: IntegrationHealthModel[];
  @ApiProperty({ type: FeedbackShareModel, description: 'Across all integrations.' }) feedback!: FeedbackShareModel;
}

export class IssueHistoryEntryModel implements IssueHistoryEntry {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() by!: string;
  @ApiProperty({ enum: ['opened', 'acknowledged', 'resolved', 'ignored', 'reopened'] })
  action!: IssueHistoryEntry['action'];
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
}

export class IssueModel implements IssueView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: INTEGRATIONS }) integration!: IssueView['integration'];
  @ApiProperty({ enum: FAILURE_CATEGORIES }) category!: IssueView['category'];
  @ApiProperty() signature!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: FAILURE_SEVERITIES }) severity!: IssueView['severity'];
  @ApiProperty({ enum: ISSUE_STATES }) state!: IssueView['state'];
  @ApiProperty() occurrences!: number;
  @ApiProperty({ format: 'date-time' }) firstSeenAt!: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty({ format: 'uuid' }) lastEventId!: string;
  @ApiProperty({ nullable: true, type: String }) stateChangedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) stateChangedAt!: string;
  @ApiProperty({ type: [IssueHistoryEntryModel] }) history!: IssueHistoryEntryModel[];
}

export class IssueDetailModel extends IssueModel implements IssueDetail {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class IssuePageModel extends PageModel implements Page<IssueView> {
  @ApiProperty({ type: [IssueModel] }) items!: IssueModel[];
}

export class FeedbackModel implements FeedbackView {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() helpful!: boolean;
  @ApiProperty({ enum: FAILURE_CATEGORIES, nullable: true, type: String })
  correctCategory!: FeedbackView['correctCategory'];
  @ApiProperty() givenBy!: string;
  @ApiProperty({ format: 'date-time' }) givenAt!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class GoldenCaseModel implements GoldenCase {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: INTEGRATIONS }) integration!: GoldenCase['integration'];
  @ApiProperty() eventType!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) error!: GoldenCase['error'];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) context?: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { category: 'auth' } })
  expected!: GoldenCase['expected'];
}

export class CorrectionsModel extends TimestampedModel implements ItemList<GoldenCase> {
  @ApiProperty({ type: [GoldenCaseModel], description: 'In the golden set format.' }) items!: GoldenCaseModel[];
}
