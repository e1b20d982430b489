import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A JWT signing key pair. The newest active key signs; retired keys still verify until they expire. */
@Entity({ name: 'signing_keys' })
export class SigningKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) kid!: string;
  @Column({ type: 'varchar', length: 16 }) alg!: string;
  @Column({ name: 'public_jwk', type: 'jsonb' }) publicJwk!: object;
  /** The private JWK, sealed with the secrets key. */
  @Column({ name: 'private_sealed', type: 'text' }) privateSealed!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** Set when a newer key took over; the key keeps verifying until `expires_at`. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt!: Date | null;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
}
