import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook idempotency in its own table: a `webhook-id` was remembered only through
 * `raw_snapshots`, which keeps the newest few per source, so a retry arriving after its
 * snapshot was pruned was applied again (and rolled records back). Events already stored
 * keep being recognised: their receipts are copied from the snapshots of succeeded runs.
 */
export class CreateWebhookReceipts1764849600000 implements MigrationInterface {
  name = 'CreateWebhookReceipts1764849600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "webhook_receipts" (
        "origin" character varying(100) NOT NULL,
        "webhook_id" character varying(255) NOT NULL,
        "run_id" uuid NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_webhook_receipts" PRIMARY KEY ("origin", "webhook_id"))`,
    );
    await runner.query(`CREATE INDEX "ix_webhook_receipts_received_at" ON "webhook_receipts" ("received_at")`);
    await runner.query(
      `INSERT INTO "webhook_receipts" ("origin", "webhook_id", "run_id", "received_at")
       SELECT DISTINCT ON (s.source_id, s.webhook_id) 'source:' || s.source_id, s.webhook_id, s.run_id, s.fetched_at
       FROM "raw_snapshots" s JOIN "sync_runs" r ON r.id = s.run_id AND r.status = 'succeeded'
       WHERE s.webhook_id IS NOT NULL
       ORDER BY s.source_id, s.webhook_id, s.fetched_at`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "webhook_receipts"`);
  }
}
