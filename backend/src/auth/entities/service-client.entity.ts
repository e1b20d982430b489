import type { ClientScope, DataScopes } from '@switchyard/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An OAuth2 confidential client (machine-to-machine). */
@Entity({ name: 'service_clients' })
export class ServiceClientEntity {
  /** The `client_id`. */
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  /** argon2id of the client secret; the secret itself is shown once, at creation or rotation. */
  @Column({ name: 'secret_hash', type: 'text' }) secretHash!: string;
  @Column({ type: 'text', array: true }) scopes!: ClientScope[];
  @Column({ name: 'data_scopes', type: 'jsonb' }) dataScopes!: DataScopes;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true }) rotatedAt!: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}
