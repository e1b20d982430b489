import type { ConnectorDefinitionInput } from '@switchyard/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An administrator's connector definition; every change keeps the previous version. */
@Entity({ name: 'connectors' })
export class ConnectorEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  definition!: ConnectorDefinitionInput;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Earlier versions of custom connectors, for audit and rollback. */
@Entity({ name: 'connector_versions' })
export class ConnectorVersionEntity {
  @PrimaryColumn({ name: 'connector_id', type: 'varchar', length: 64 })
  connectorId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  definition!: ConnectorDefinitionInput;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
