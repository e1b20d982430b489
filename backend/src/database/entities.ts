import { BackendInstanceEntity } from '../system/entities/backend-instance.entity';

/** Every entity of the schema. Each must be created by a migration (see the drift test). */
export const ENTITIES = [BackendInstanceEntity];
