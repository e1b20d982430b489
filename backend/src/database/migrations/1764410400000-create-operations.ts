import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The admin blueprint's default thresholds: [id, name, metric, warning, critical, direction]. */
const DEFAULT_RULES: Array<[string, string, string, number, number, 'above' | 'below']> = [
  ['cpu_usage', 'CPU usage', 'cpu_usage', 70, 85, 'above'],
  ['memory_usage', 'Memory usage', 'memory_usage', 75, 90, 'above'],
  ['response_time', 'Response time (ms)', 'response_time', 1000, 3000, 'above'],
  ['error_rate', 'Error rate (percent)', 'error_rate', 5, 10, 'above'],
  ['workflow_success_rate', 'Workflow success rate (percent)', 'workflow_success_rate', 90, 80, 'below'],
  ['active_users_now', 'Active users now', 'active_users_now', 100, 50, 'below'],
  ['failed_auth_attempts', 'Failed sign-in attempts', 'failed_auth_attempts', 10, 25, 'above'],
];

/** Operations center: data points and their rollups, alert rules (seeded), alerts and silences. */
export class CreateOperations1764410400000 implements MigrationInterface {
  name = 'CreateOperations1764410400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "ops_data_points" ("id" BIGSERIAL NOT NULL, "source" character varying(64) NOT NULL, "category" character varying(32) NOT NULL, "metric" character varying(64) NOT NULL, "value" double precision NOT NULL, "status" character varying(16) NOT NULL, "metadata" jsonb NOT NULL DEFAULT '{}', "module_access" text array NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ingested_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8276ea14bcb65424bf1d5debb9e" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "ix_ops_data_points_recorded_at" ON "ops_data_points"  ("recorded_at") `);
    await runner.query(
      `CREATE INDEX "ix_ops_data_points_metric_recorded_at" ON "ops_data_points"  ("metric", "recorded_at") `,
    );
    await runner.query(
      `CREATE TABLE "ops_rollups" ("metric" character varying(64) NOT NULL, "resolution" character varying(4) NOT NULL, "bucket_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, "sum" double precision NOT NULL, "min" double precision NOT NULL, "max" double precision NOT NULL, CONSTRAINT "PK_49d3368d70062534fdcfee3964e" PRIMARY KEY ("metric", "resolution", "bucket_start"))`,
    );
    await runner.query(`CREATE INDEX "ix_ops_rollups_bucket" ON "ops_rollups"  ("resolution", "bucket_start") `);
    await runner.query(
      `CREATE TABLE "ops_alert_rules" ("id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "metric" character varying(64) NOT NULL, "warning" double precision NOT NULL, "critical" double precision NOT NULL, "direction" character varying(8) NOT NULL, "hold_seconds" integer NOT NULL, "no_data_after_seconds" integer NOT NULL, "alert_on_no_data" boolean NOT NULL, "labels" jsonb NOT NULL DEFAULT '{}', "enabled" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a5357416eebc90cee4682746b59" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "ix_ops_alert_rules_metric" ON "ops_alert_rules"  ("metric") `);
    await runner.query(
      `CREATE TABLE "ops_alerts" ("id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "fingerprint" character varying(300) NOT NULL, "rule_id" character varying(64), "metric" character varying(64), "source_id" character varying(64), "labels" jsonb NOT NULL DEFAULT '{}', "module" character varying(16) NOT NULL, "open" boolean NOT NULL, "state" character varying(16) NOT NULL, "severity" character varying(16), "value" double precision, "threshold" double precision, "message" text NOT NULL, "state_since" TIMESTAMP WITH TIME ZONE NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fired_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "last_evaluated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "acknowledged_by" character varying(320), "acknowledged_at" TIMESTAMP WITH TIME ZONE, "ack_comment" text, "silenced_by" uuid, "notified_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_eecd0ae438cdc0e0e0d188fb4f5" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "ix_ops_alerts_started_at" ON "ops_alerts"  ("started_at") `);
    await runner.query(
      `CREATE UNIQUE INDEX "ux_ops_alerts_open_fingerprint" ON "ops_alerts"  ("fingerprint") WHERE "open"`,
    );
    await runner.query(
      `CREATE TABLE "ops_silences" ("id" uuid NOT NULL, "rule_id" character varying(64), "metric" character varying(64), "labels" jsonb NOT NULL DEFAULT '{}', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "comment" text NOT NULL, "created_by" character varying(320) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_684c5701ff844f9ef9a36f3b7de" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "ix_ops_silences_ends_at" ON "ops_silences"  ("ends_at") `);
    for (const [id, name, metric, warning, critical, direction] of DEFAULT_RULES) {
      await runner.query(
        `INSERT INTO "ops_alert_rules" ("id", "name", "metric", "warning", "critical", "direction", "hold_seconds", "no_data_after_seconds", "alert_on_no_data", "labels", "enabled", "created_at", "updated_at")
         VALUES ($1, $2, $3, $4, $5, $6, 60, 300, true, '{}', true, now(), now())`,
        [id, name, metric, warning, critical, direction],
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "ops_silences"`);
    await runner.query(`DROP TABLE "ops_alerts"`);
    await runner.query(`DROP TABLE "ops_alert_rules"`);
    await runner.query(`DROP TABLE "ops_rollups"`);
    await runner.query(`DROP TABLE "ops_data_points"`);
  }
}
