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
  /** When the current secret was made; it expires CLIENT_SECRET_MAX_AGE_DAYS later. */
  @Column({ name: 'secret_issued_at', type: 'timestamptz' }) secretIssuedAt!: Date;
  /** The secret before the last rotation, still accepted until `previousSecretExpiresAt` (the overlap). */
  @Column({ name: 'previous_secret_hash', type: 'text', nullable: true }) previousSecretHash!: string | null;
  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt!: Date | null;
  /** Set once the expiry warning was raised for the current secret. */
  @Column({ name: 'expiry_warned_at', type: 'timestamptz', nullable: true }) expiryWarnedAt!: Date | null;
  /** CIDR ranges; empty allows any address. */
  @Column({ name: 'allowed_networks', type: 'text', array: true, default: () => "'{}'" }) allowedNetworks!: string[];
}
