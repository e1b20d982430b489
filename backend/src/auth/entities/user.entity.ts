import type { DataScopes, Role } from '@switchyard/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'users' })
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
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
