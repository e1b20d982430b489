import type { ContactPointKind, ContactPointSettings } from '@switchyard/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A receiver of notifications; its secret is sealed with the credentials' SecretBox. */
@Entity({ name: 'contact_points' })
export class ContactPointEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ContactPointKind;

  @Index('ix_contact_points_tenant')
  @Column({ name: 'tenant_id', type: 'varchar', length: 64, nullable: true })
  tenant!: string | null;

  @Column({ type: 'jsonb' })
  settings!: ContactPointSettings;

  @Column({ name: 'sealed_secret', type: 'text', nullable: true })
  sealedSecret!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
