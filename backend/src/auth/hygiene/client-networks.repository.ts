import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ClientNetworkEntity } from '../entities/client-network.entity';

@Injectable()
export class ClientNetworksRepository {
  constructor(@InjectRepository(ClientNetworkEntity) private readonly rows: Repository<ClientNetworkEntity>) {}

  /**
   * Notes that the client was seen from this network. `isNew`: never before; `firstForClient`:
   * the client had no network at all yet (its first use is not an anomaly).
   */
  async record(clientId: string, network: string, at: Date): Promise<{ isNew: boolean; firstForClient: boolean }> {
    const known = await this.rows.countBy({ clientId });
    const inserted = await this.rows
      .createQueryBuilder()
      .insert()
      .values({ clientId, network, firstSeenAt: at, lastSeenAt: at })
      .orIgnore()
      .returning(['network'])
      .execute();
    const isNew = (inserted.raw as unknown[]).length > 0;
    if (!isNew) await this.rows.update({ clientId, network }, { lastSeenAt: at });
    return { isNew, firstForClient: known === 0 };
  }
}
