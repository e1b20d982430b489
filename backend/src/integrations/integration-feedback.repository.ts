import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { IntegrationId } from '@switchyard/contracts';
import type { Repository } from 'typeorm';
import { IntegrationEventEntity, IntegrationFeedbackEntity } from './entities';

export interface FeedbackTally {
  integration: IntegrationId;
  helpful: number;
  notHelpful: number;
}

/** SQL over integration_feedback. */
@Injectable()
export class IntegrationFeedbackRepository {
  constructor(
    @InjectRepository(IntegrationFeedbackEntity) private readonly feedback: Repository<IntegrationFeedbackEntity>,
  ) {}

  /** One verdict per event and person: giving it again replaces the earlier one. */
  async upsert(row: IntegrationFeedbackEntity): Promise<void> {
    await this.feedback
      .createQueryBuilder()
      .insert()
      .into(IntegrationFeedbackEntity)
      .values(row)
      .orUpdate(['helpful', 'correct_category', 'given_at'], ['event_id', 'given_by'])
      .execute();
  }

  async tally(): Promise<FeedbackTally[]> {
    const rows: Array<{ integration: IntegrationId; helpful: string; not_helpful: string }> = await this.feedback.query(
      `SELECT integration, count(*) FILTER (WHERE helpful) AS helpful, count(*) FILTER (WHERE NOT helpful) AS not_helpful
       FROM integration_feedback GROUP BY 1`,
    );
    return rows.map((r) => ({
      integration: r.integration,
      helpful: Number(r.helpful),
      notHelpful: Number(r.not_helpful),
    }));
  }

  /** Corrections (a category other than the classifier's), oldest first, with their events. */
  async corrections(
    limit: number,
  ): Promise<Array<{ feedback: IntegrationFeedbackEntity; event: IntegrationEventEntity }>> {
    const rows = await this.feedback
      .createQueryBuilder('f')
      .innerJoinAndMapOne('f.event', IntegrationEventEntity, 'e', 'e.id = f.event_id')
      .where('f.correct_category IS NOT NULL')
      .orderBy('f.givenAt', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((row) => ({
      feedback: row,
      event: (row as IntegrationFeedbackEntity & { event: IntegrationEventEntity }).event,
    }));
  }
}
