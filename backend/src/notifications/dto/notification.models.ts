import { ApiProperty } from '@nestjs/swagger';
import {
  CONTACT_POINT_KINDS,
  DELIVERY_STATUSES,
  type ContactPoint,
  type ContactPointKind,
  type ContactPointSettings,
  type DeliveryStatus,
  type NotificationDelivery,
  type NotificationMatch,
  type NotificationPolicy,
  type Page,
} from '@switchyard/contracts';
import { matching, PageModel, PageQueryDto, QueryField, zodBodySchema } from '../../common';
import { contactPointSchema } from './contact-point.schema';
import { notificationPolicySchema } from './notification-policy.schema';

export const CONTACT_POINT_BODY = zodBodySchema(contactPointSchema);

export class ContactPointModel implements ContactPoint {
  @ApiProperty({ example: 'ops-slack' }) id!: string;
  @ApiProperty({ example: 'Ops channel' }) name!: string;
  @ApiProperty({ enum: CONTACT_POINT_KINDS }) kind!: ContactPointKind;
  @ApiProperty({ type: String, nullable: true }) tenant!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Settings that are not secret.' })
  settings!: ContactPointSettings;
  @ApiProperty({ description: 'Secrets are write-only; this says whether one is stored.' }) hasSecret!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ContactPointPageModel extends PageModel implements Page<ContactPoint> {
  @ApiProperty({ type: [ContactPointModel] }) items!: ContactPointModel[];
}

export class NotificationDeliveryModel implements NotificationDelivery {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() contactPointId!: string;
  @ApiProperty({ type: String, nullable: true }) tenant!: string | null;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty() title!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The next retry, while pending.' })
  nextAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'receiver answered HTTP 503' }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
}

export class NotificationDeliveryPageModel extends PageModel implements Page<NotificationDelivery> {
  @ApiProperty({ type: [NotificationDeliveryModel] }) items!: NotificationDeliveryModel[];
}

export class DeliveryQueryDto extends PageQueryDto {
  @QueryField(matching(/^[a-z0-9-]{1,64}$/, 'contactPointId must be a contact point id').optional(), {
    example: 'ops-slack',
  })
  contactPointId?: string;
}

export const NOTIFICATION_POLICY_BODY = zodBodySchema(notificationPolicySchema);

export class NotificationPolicyModel implements NotificationPolicy {
  @ApiProperty({ example: 'critical-to-pager' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) tenant!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: [String] }) contactPointIds!: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { severities: ['critical'], modules: ['system'], teams: ['platform'], labels: { env: 'prod' } },
  })
  match!: NotificationMatch;
  @ApiProperty({
    type: [String],
    example: ['ruleId'],
    description:
      'Label names, or ruleId, metric, source, module, severity: alerts (one per series) sharing them are sent together.',
  })
  groupBy!: string[];
  @ApiProperty() groupWaitSeconds!: number;
  @ApiProperty() repeatIntervalSeconds!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class NotificationPolicyPageModel extends PageModel implements Page<NotificationPolicy> {
  @ApiProperty({ type: [NotificationPolicyModel] }) items!: NotificationPolicyModel[];
}
