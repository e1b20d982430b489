import { AuditEventEntity } from '../auth/entities/audit-event.entity';
import { PrincipalVersionEntity } from '../auth/entities/principal-version.entity';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity';
import { ServiceClientEntity } from '../auth/entities/service-client.entity';
import { ClientNetworkEntity } from '../auth/entities/client-network.entity';
import { SigningKeyEntity } from '../auth/entities/signing-key.entity';
import { UserEntity } from '../auth/entities/user.entity';
import {
  CrmHotListItemEntity,
  CrmLeadEntity,
  CrmNoteEntity,
  CrmPipelineItemEntity,
  CrmScheduledActivityEntity,
} from '../crm';
import { LiveTopicEntity } from '../realtime/entities/live-topic.entity';
import {
  AlertEntity,
  AlertRuleEntity,
  DataPointEntity,
  OpsDataPointEntity,
  OpsRollupEntity,
  SilenceEntity,
} from '../operations';
import { IntegrationEventEntity, IntegrationFeedbackEntity, IntegrationIssueEntity } from '../integrations/entities';
import { FinancialEntryEntity, ProjectEntity, ProjectRiskEntity } from '../portfolio';
import { CredentialEntity, SourceEntity } from '../sources/index';
import { ConnectorEntity, ConnectorVersionEntity } from '../connectors';
import { RawSnapshotEntity } from '../sync/entities/raw-snapshot.entity';
import { SourceStateEntity } from '../sync/entities/source-state.entity';
import { SyncRunEntity } from '../sync/entities/sync-run.entity';
import { WebhookReceiptEntity } from '../sync/entities/webhook-receipt.entity';
import {
  ContactPointEntity,
  NotificationDeliveryEntity,
  NotificationGroupEntity,
  NotificationPolicyEntity,
} from '../notifications';
import { BackendInstanceEntity } from '../system/entities/backend-instance.entity';
import { CalendarEventEntity, DepartmentEntity, IncidentEntity, TeamEntity } from '../workplace';

/** Every entity of the schema. Each must be created by a migration (see the drift test). */
export const ENTITIES = [
  BackendInstanceEntity,
  SourceEntity,
  CredentialEntity,
  ConnectorEntity,
  ConnectorVersionEntity,
  SourceStateEntity,
  SyncRunEntity,
  RawSnapshotEntity,
  ProjectEntity,
  ProjectRiskEntity,
  FinancialEntryEntity,
  DepartmentEntity,
  TeamEntity,
  CalendarEventEntity,
  IncidentEntity,
  CrmLeadEntity,
  CrmPipelineItemEntity,
  CrmHotListItemEntity,
  CrmNoteEntity,
  CrmScheduledActivityEntity,
  DataPointEntity,
  UserEntity,
  ServiceClientEntity,
  ClientNetworkEntity,
  RefreshTokenEntity,
  SigningKeyEntity,
  ContactPointEntity,
  NotificationDeliveryEntity,
  NotificationPolicyEntity,
  NotificationGroupEntity,
  AuditEventEntity,
  LiveTopicEntity,
  OpsDataPointEntity,
  OpsRollupEntity,
  AlertRuleEntity,
  AlertEntity,
  SilenceEntity,
  IntegrationEventEntity,
  IntegrationIssueEntity,
  IntegrationFeedbackEntity,
  PrincipalVersionEntity,
  WebhookReceiptEntity,
];
