import { CreateBackendInstances1764151200000 } from './1764151200000-create-backend-instances';
import { CreateSyncEngine1764237600000 } from './1764237600000-create-sync-engine';
import { CreateIdentity1764324000000 } from './1764324000000-create-identity';
import { CreateIntegrationHealth1764410400000 } from './1764410400000-create-integration-health';

/** Applied in this order; never edit one that has shipped, add a new one. */
export const MIGRATIONS = [
  CreateBackendInstances1764151200000,
  CreateSyncEngine1764237600000,
  CreateIdentity1764324000000,
  CreateIntegrationHealth1764410400000,
];
