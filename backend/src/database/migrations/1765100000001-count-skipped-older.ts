import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sync runs count the rows they skipped for being older than the stored row. */
export class CountSkippedOlder1765100000001 implements MigrationInterface {
  name = 'CountSkippedOlder1765100000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "sync_runs" ADD "records_skipped_older" integer NOT NULL DEFAULT 0`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "sync_runs" DROP COLUMN "records_skipped_older"`);
  }
}
