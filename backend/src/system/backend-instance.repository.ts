import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import type { PageWindow } from '../common';
import { BackendInstanceEntity } from './entities/backend-instance.entity';

@Injectable()
export class BackendInstanceRepository {
  constructor(@InjectRepository(BackendInstanceEntity) private readonly rows: Repository<BackendInstanceEntity>) {}

  async register(instance: BackendInstanceEntity): Promise<void> {
    await this.rows.insert(instance);
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.rows.update({ id }, { lastSeenAt: at });
  }

  async markStopped(id: string, at: Date): Promise<void> {
    await this.rows.update({ id }, { lastSeenAt: at, stoppedAt: at });
  }

  /** Newest first: the replicas running now are at the top. */
  async list(window: PageWindow): Promise<[BackendInstanceEntity[], number]> {
    return this.rows.findAndCount({
      order: { startedAt: 'DESC', id: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
  }

  /** Forgets instances that have not been seen since `before`. */
  async pruneNotSeenSince(before: Date): Promise<number> {
    const result = await this.rows.delete({ lastSeenAt: LessThan(before) });
    return result.affected ?? 0;
  }
}
