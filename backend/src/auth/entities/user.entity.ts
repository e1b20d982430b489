import type { DataScopes, Role } from '@switchyard/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'users' })
@Index('ux_users_sso', ['ssoProvider', 'ssoSubject'], { unique: true })
export class UserEntity {
  @PrimaryColumn('uuid') id!: string;
  /** Stored lower-case; unique. */
  @Column({ type: 'varchar', length: 320, unique: true }) email!: string;
  @Column({ name: 'display_name', type: 'varchar', length: 200 }) displayName!: string;
  /** argon2id, with its parameters in the hash string. */
  @Column({ name: 'password_hash', type: 'text' }) passwordHash!: string;
  @Column({ type: 'text', array: true }) roles!: Role[];
  @Column({ name: 'data_scopes', type: 'jsonb' }) dataScopes!: DataScopes;
  @Column({ type: 'boolean', default: false }) disabled!: boolean;
  @Column({ name: 'failed_logins', type: 'integer', default: 0 }) failedLogins!: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true }) lastLoginAt!: Date | null;
  /** Set for a user created or linked by single sign-on: the provider's id and the `sub` there. */
  @Column({ name: 'sso_provider', type: 'varchar', length: 64, nullable: true }) ssoProvider!: string | null;
  @Column({ name: 'sso_subject', type: 'varchar', length: 255, nullable: true }) ssoSubject!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
