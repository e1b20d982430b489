import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * One refresh token of a session. Tokens rotate on every use; all tokens of one sign-in
 * share a family, so presenting a token that was already used revokes the whole family.
 */
@Entity({ name: 'refresh_tokens' })
@Index('ix_refresh_tokens_family', ['familyId'])
export class RefreshTokenEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @Column({ name: 'family_id', type: 'uuid' }) familyId!: string;
  /** SHA-256 of the token; the token itself is never stored. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true }) tokenHash!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt!: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** A single sign-on session: the provider, and the ID token sent back as `id_token_hint` at sign-out. */
  @Column({ name: 'sso_provider', type: 'varchar', length: 64, nullable: true }) ssoProvider!: string | null;
  @Column({ name: 'id_token', type: 'text', nullable: true }) idToken!: string | null;
}
