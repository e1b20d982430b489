import { CreateBackendInstances1764151200000 } from './1764151200000-create-backend-instances';
import { CreateSyncEngine1764237600000 } from './1764237600000-create-sync-engine';
import { CreateIdentity1764324000000 } from './1764324000000-create-identity';
import { CreateOperations1764410400000 } from './1764410400000-create-operations';
import { CreateIntegrationHealth1764496800000 } from './1764496800000-create-integration-health';
import { CreateLiveTopics1764590400000 } from './1764590400000-create-live-topics';
import { IndexWebhookSnapshots1764676800000 } from './1764676800000-index-webhook-snapshots';
import { CreatePrincipalVersions1764763200000 } from './1764763200000-create-principal-versions';
import { CreateWebhookReceipts1764849600000 } from './1764849600000-create-webhook-receipts';
import { CreateConnectors1764936000000 } from './1764936000000-create-connectors';
import { ScopeOpsAlerts1765100000000 } from './1765100000000-scope-ops-alerts';
import { CountSkippedOlder1765100000001 } from './1765100000001-count-skipped-older';
import { AddRetrySchedule1765200000000 } from './1765200000000-add-retry-schedule';
import { CreateNotifications1765300000000 } from './1765300000000-create-notifications';
import { AlertsPerSeries1765400000000 } from './1765400000000-alerts-per-series';
import { AddSingleSignOn1765420000001 } from './1765420000001-add-single-sign-on';
import { AddClientHygiene1765420000002 } from './1765420000002-add-client-hygiene';

/** Applied in this order; never edit one that has shipped, add a new one. */
export const MIGRATIONS = [
  CreateBackendInstances1764151200000,
  CreateSyncEngine1764237600000,
  CreateIdentity1764324000000,
  CreateOperations1764410400000,
  CreateIntegrationHealth1764496800000,
  CreateLiveTopics1764590400000,
  IndexWebhookSnapshots1764676800000,
  CreatePrincipalVersions1764763200000,
  CreateWebhookReceipts1764849600000,
  CreateConnectors1764936000000,
  ScopeOpsAlerts1765100000000,
  CountSkippedOlder1765100000001,
  AddRetrySchedule1765200000000,
  CreateNotifications1765300000000,
  AlertsPerSeries1765400000000,
  AddSingleSignOn1765420000001,
  AddClientHygiene1765420000002,
];
