import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts per series (metric + source + labels). Data points gain their labels; rules gain
 * label matchers (which series they watch) and a group-by (which labels make one alert
 * instance); each alert instance records its series. Open rule alerts of the old kind (one
 * per rule, judged on the newest point of any source) are resolved: the next evaluation
 * opens one instance per series in their place.
 */
export class AlertsPerSeries1765400000000 implements MigrationInterface {
  name = 'AlertsPerSeries1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "ops_data_points" ADD "labels" jsonb NOT NULL DEFAULT '{}'`);
    await runner.query(
      `CREATE INDEX "ix_ops_data_points_metric_source_recorded_at" ON "ops_data_points" ("metric", "source", "recorded_at")`,
    );
    await runner.query(`ALTER TABLE "ops_alert_rules" ADD "matchers" jsonb NOT NULL DEFAULT '{}'`);
    await runner.query(`ALTER TABLE "ops_alert_rules" ADD "group_by" text array`);
    await runner.query(`ALTER TABLE "ops_alerts" ADD "series_labels" jsonb`);
    await runner.query(
      `UPDATE "ops_alerts" SET "open" = false, "state" = 'resolved', "resolved_at" = now(), "state_since" = now()
       WHERE "open" AND "kind" = 'threshold'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "ops_alerts" DROP COLUMN "series_labels"`);
    await runner.query(`ALTER TABLE "ops_alert_rules" DROP COLUMN "group_by"`);
    await runner.query(`ALTER TABLE "ops_alert_rules" DROP COLUMN "matchers"`);
    await runner.query(`DROP INDEX "ix_ops_data_points_metric_source_recorded_at"`);
    await runner.query(`ALTER TABLE "ops_data_points" DROP COLUMN "labels"`);
  }
}
