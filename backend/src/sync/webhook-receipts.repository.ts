import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository, type EntityManager } from 'typeorm';
import { WebhookReceiptEntity } from './entities/webhook-receipt.entity';

@Injectable()
export class WebhookReceiptsRepository {
  constructor(@InjectRepository(WebhookReceiptEntity) private readonly rows: Repository<WebhookReceiptEntity>) {}

  find(origin: string, webhookId: string): Promise<WebhookReceiptEntity | null> {
    return this.rows.findOneBy({ origin, webhookId });
  }

  /**
   * Written in the transaction that applies the event. A plain insert on purpose: when
   * two replicas apply the same id at once, the second one's unique violation rolls its
   * write back, it answers 503, and the sender's next retry finds this receipt.
   */
  async record(manager: EntityManager, receipt: WebhookReceiptEntity): Promise<void> {
    // One plain statement: it is on every webhook's path (the query builder's insert costs several times as much).
    await manager.query(
      `INSERT INTO webhook_receipts (origin, webhook_id, run_id, received_at) VALUES ($1, $2, $3, $4)`,
      [receipt.origin, receipt.webhookId, receipt.runId, receipt.receivedAt],
    );
  }

  async deleteReceivedBefore(cutoff: Date): Promise<number> {
    const result = await this.rows.delete({ receivedAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
