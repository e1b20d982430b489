import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts about one brand's source carry that tenant, so tenant-scoped principals see only
 * their own (REST and the `alerts` topic filter on it). Existing freshness alerts take the
 * tenant of their source.
 */
export class ScopeOpsAlerts1765100000000 implements MigrationInterface {
  name = 'ScopeOpsAlerts1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "ops_alerts" ADD "tenant" character varying(100)`);
    await runner.query(
      `UPDATE "ops_alerts" a SET "tenant" = s."tenant_id" FROM "sources" s WHERE a."source_id" = s."id" AND s."tenant_id" IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "ops_alerts" DROP COLUMN "tenant"`);
  }
}
