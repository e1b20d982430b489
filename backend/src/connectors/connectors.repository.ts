import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { Repository } from 'typeorm';
import { ConnectorEntity, ConnectorVersionEntity } from './entities/connector.entity';

@Injectable()
export class ConnectorsRepository {
  constructor(@InjectRepository(ConnectorEntity) private readonly rows: Repository<ConnectorEntity>) {}

  findById(id: string): Promise<ConnectorEntity | null> {
    return this.rows.findOneBy({ id });
  }

  findAll(): Promise<ConnectorEntity[]> {
    return this.rows.find({ order: { id: 'ASC' } });
  }

  /** Saves the new version and keeps the one it replaces, in one transaction. */
  save(entity: ConnectorEntity, previous: ConnectorEntity | null): Promise<void> {
    return this.rows.manager.transaction(async (manager: EntityManager) => {
      if (previous) {
        const kept = Object.assign(new ConnectorVersionEntity(), {
          connectorId: previous.id,
          version: previous.version,
          definition: previous.definition,
          createdAt: previous.updatedAt,
        });
        await manager.save(kept);
      }
      await manager.save(Object.assign(new ConnectorEntity(), entity));
    });
  }

  async delete(id: string): Promise<boolean> {
    return this.rows.manager.transaction(async (manager) => {
      await manager.delete(ConnectorVersionEntity, { connectorId: id });
      const result = await manager.delete(ConnectorEntity, { id });
      return (result.affected ?? 0) > 0;
    });
  }

  /**
   * Sources that name the connector. A reference check (like a foreign key), so a
   * connector in use is never deleted from under its sources.
   */
  async usedBy(id: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.rows.manager.query(
      `SELECT "id" FROM "sources" WHERE "connector" ->> 'id' = $1 ORDER BY "id"`,
      [id],
    );
    return rows.map((row) => row.id);
  }
}
