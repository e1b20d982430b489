import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * How many times a principal's access was revoked (disabled, roles or scopes changed,
 * password reset, client revoked). Access tokens carry the version they were issued at;
 * a token older than the current version is refused. Only principals that were ever
 * revoked have a row, plus `*` for a signing-key compromise (every token before it).
 */
@Entity({ name: 'principal_versions' })
@Index('ix_principal_versions_changed_at', ['changedAt'])
export class PrincipalVersionEntity {
  /** `user:<id>`, `client:<id>` or `*`. */
  @PrimaryColumn({
    name: 'principal_key',
    type: 'varchar',
    length: 100,
    primaryKeyConstraintName: 'PK_principal_versions',
  })
  principalKey!: string;
  @Column({ type: 'integer' }) version!: number;
  /** The database's clock (not a replica's), so polling replicas agree on "changed since". */
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
}
