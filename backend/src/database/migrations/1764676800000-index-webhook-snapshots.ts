import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `webhook-id` of a pushed event gets its own indexed column, so a sender's retry of an
 * event already stored is found in one lookup and answered without storing it again.
 */
export class IndexWebhookSnapshots1764676800000 implements MigrationInterface {
  name = 'IndexWebhookSnapshots1764676800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "raw_snapshots" ADD "webhook_id" character varying(255)`);
    await runner.query(
      `UPDATE "raw_snapshots" SET "webhook_id" = substring("request_url" from 9)
       WHERE "request_url" LIKE 'webhook:%' AND length("request_url") <= 263`,
    );
    await runner.query(`CREATE INDEX "ix_raw_snapshots_source_webhook" ON "raw_snapshots" ("source_id", "webhook_id")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "ix_raw_snapshots_source_webhook"`);
    await runner.query(`ALTER TABLE "raw_snapshots" DROP COLUMN "webhook_id"`);
  }
}
