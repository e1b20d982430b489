import type {
  BreakerPolicy,
  Cadence,
  FreshnessSlo,
  FullSyncSchedule,
  RetryPolicy,
  RetrySchedule,
  SourceDomain,
  SourceKind,
  SourceConnectorRef,
} from '@switchyard/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One upstream feed, as an administrator defined it. Runtime state lives in `source_states`. */
@Entity({ name: 'sources' })
export class SourceEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: SourceKind;

  @Index('ix_sources_domain')
  @Column({ type: 'varchar', length: 32 })
  domain!: SourceDomain;

  /** Connector, stream, credential and connector settings (a jsonb object). */
  @Column({ type: 'jsonb' })
  connector!: Required<SourceConnectorRef>;

  @Index('ix_sources_tenant')
  @Column({ name: 'tenant_id', type: 'varchar', length: 64, nullable: true })
  tenant!: string | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'jsonb' })
  cadence!: Cadence;

  @Column({ name: 'full_sync', type: 'jsonb', nullable: true })
  fullSync!: FullSyncSchedule | null;

  @Column({ name: 'timeout_ms', type: 'integer' })
  timeoutMs!: number;

  @Column({ type: 'jsonb' })
  retry!: RetryPolicy;

  @Column({ name: 'retry_schedule', type: 'jsonb' })
  retrySchedule!: RetrySchedule;

  @Column({ type: 'jsonb' })
  breaker!: BreakerPolicy;

  @Column({ type: 'jsonb' })
  freshness!: FreshnessSlo;

  @Column({ name: 'webhook_secret_credential_id', type: 'varchar', length: 64, nullable: true })
  webhookSecretCredentialId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
