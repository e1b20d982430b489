import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-topic sequence numbers of live updates (used when Redis is not configured). */
export class CreateLiveTopics1764590400000 implements MigrationInterface {
  name = 'CreateLiveTopics1764590400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "live_topics" ("topic" character varying(160) NOT NULL, "seq" bigint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_abd7ad7503663f57f3ebae9ae9c" PRIMARY KEY ("topic"))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "live_topics"`);
  }
}
