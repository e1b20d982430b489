import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A failed source is retried on its own schedule (per source, with defaults), and the
 * vendor's own words about a failure are kept apart from the plain cause every reader sees.
 * `freshness_cached` remembers the announced "serving cached data" flag, as `freshness_state`
 * remembers the announced state, so each change is announced once.
 */
export class AddRetrySchedule1765200000000 implements MigrationInterface {
  name = 'AddRetrySchedule1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "sources" ADD "retry_schedule" jsonb NOT NULL DEFAULT '{"firstDelaySeconds":60,"maxDelaySeconds":null}'`,
    );
    await runner.query(`ALTER TABLE "sources" ALTER COLUMN "retry_schedule" DROP DEFAULT`);
    await runner.query(`ALTER TABLE "source_states" ADD "last_error_detail" text`);
    await runner.query(`ALTER TABLE "source_states" ADD "freshness_cached" boolean NOT NULL DEFAULT false`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "source_states" DROP COLUMN "freshness_cached"`);
    await runner.query(`ALTER TABLE "source_states" DROP COLUMN "last_error_detail"`);
    await runner.query(`ALTER TABLE "sources" DROP COLUMN "retry_schedule"`);
  }
}
