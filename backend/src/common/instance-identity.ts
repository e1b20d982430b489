import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** Who this process is among the replicas; fixed for the life of the process. */
export class InstanceIdentity {
  readonly id = randomUUID();
  readonly hostname = hostname();
  readonly pid = process.pid;
  readonly startedAt = new Date();
}
