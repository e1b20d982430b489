import type { CredentialKind } from '@switchyard/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A secret for calling (or verifying) an upstream, sealed with AES-256-GCM. */
@Entity({ name: 'credentials' })
export class CredentialEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: CredentialKind;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, nullable: true })
  tenant!: string | null;

  @Column({ name: 'client_id', type: 'varchar', length: 200, nullable: true })
  clientId!: string | null;

  /** `v1:<keyId>:<iv>:<tag>:<ciphertext>`; never leaves the backend. */
  @Column({ name: 'sealed_secret', type: 'text' })
  sealedSecret!: string;

  /** Further named secrets (`refreshToken`, `webKey`…) as one sealed JSON object, or null. */
  @Column({ name: 'sealed_fields', type: 'text', nullable: true })
  sealedFields!: string | null;

  @Column({ name: 'key_id', type: 'varchar', length: 32 })
  keyId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
