import { CreateBackendInstances1764151200000 } from './1764151200000-create-backend-instances';

/** Applied in this order; never edit one that has shipped, add a new one. */
export const MIGRATIONS = [CreateBackendInstances1764151200000];
