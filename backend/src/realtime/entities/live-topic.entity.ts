import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last sequence number given out per live topic when updates are numbered in Postgres
 * (one process, no Redis), so numbering survives restarts and clients can tell.
 */
@Entity({ name: 'live_topics' })
export class LiveTopicEntity {
  @PrimaryColumn({ type: 'varchar', length: 160 }) topic!: string;
  @Column({ type: 'bigint' }) seq!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
