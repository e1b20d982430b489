import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who did what, when, from where, and whether it worked. Append-only. */
@Entity({ name: 'audit_events' })
@Index('ix_audit_events_at', ['at'])
@Index('ix_audit_events_action', ['action'])
export class AuditEventEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ name: 'actor_kind', type: 'varchar', length: 16 }) actorKind!: 'user' | 'client' | 'anonymous' | 'system';
  @Column({ name: 'actor_id', type: 'varchar', length: 320, nullable: true }) actorId!: string | null;
  @Column({ type: 'varchar', length: 64 }) action!: string;
  @Column({ name: 'resource_type', type: 'varchar', length: 64, nullable: true }) resourceType!: string | null;
  @Column({ name: 'resource_id', type: 'varchar', length: 200, nullable: true }) resourceId!: string | null;
  @Column({ type: 'varchar', length: 16 }) outcome!: 'success' | 'failure' | 'denied';
  @Column({ type: 'varchar', length: 64, nullable: true }) ip!: string | null;
  @Column({ name: 'trace_id', type: 'varchar', length: 128, nullable: true }) traceId!: string | null;
  @Column({ type: 'jsonb', default: () => `'{}'` }) details!: Record<
    string,
    string | number | boolean | null | string[]
  >;
}
