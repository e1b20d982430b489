import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Contact points (sealed secrets), the notification outbox with its delivery log, policies and their alert groups. */
export class CreateNotifications1765300000000 implements MigrationInterface {
  name = 'CreateNotifications1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "contact_points" (
      "id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL,
      "kind" character varying(16) NOT NULL, "tenant_id" character varying(64),
      "settings" jsonb NOT NULL, "sealed_secret" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_contact_points" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "ix_contact_points_tenant" ON "contact_points" ("tenant_id")`);
    await runner.query(`CREATE TABLE "notification_deliveries" (
      "id" uuid NOT NULL, "contact_point_id" character varying(64) NOT NULL, "tenant_id" character varying(64),
      "status" character varying(16) NOT NULL, "message" jsonb NOT NULL, "attempts" integer NOT NULL DEFAULT 0,
      "next_attempt_at" TIMESTAMP WITH TIME ZONE, "lease_until" TIMESTAMP WITH TIME ZONE, "last_error" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_notification_deliveries" PRIMARY KEY ("id"),
      CONSTRAINT "FK_fdfa40b0f655aadd169503c8b1c" FOREIGN KEY ("contact_point_id")
        REFERENCES "contact_points"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await runner.query(
      `CREATE INDEX "ix_notification_deliveries_due" ON "notification_deliveries" ("status", "next_attempt_at")`,
    );
    await runner.query(
      `CREATE INDEX "ix_notification_deliveries_contact_point" ON "notification_deliveries" ("contact_point_id")`,
    );
    await runner.query(`CREATE TABLE "notification_policies" (
      "id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "tenant_id" character varying(64),
      "enabled" boolean NOT NULL DEFAULT true, "contact_point_ids" jsonb NOT NULL, "match" jsonb NOT NULL,
      "group_by" jsonb NOT NULL, "group_wait_seconds" integer NOT NULL, "repeat_interval_seconds" integer NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_notification_policies" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "ix_notification_policies_tenant" ON "notification_policies" ("tenant_id")`);
    await runner.query(`CREATE TABLE "notification_groups" (
      "policy_id" character varying(64) NOT NULL, "group_key" character varying(500) NOT NULL,
      "alerts" jsonb NOT NULL, "flush_at" TIMESTAMP WITH TIME ZONE, "last_sent_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_notification_groups" PRIMARY KEY ("policy_id", "group_key"))`);
    await runner.query(`CREATE INDEX "ix_notification_groups_flush_at" ON "notification_groups" ("flush_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "notification_groups"`);
    await runner.query(`DROP TABLE "notification_policies"`);
    await runner.query(`DROP TABLE "notification_deliveries"`);
    await runner.query(`DROP TABLE "contact_points"`);
  }
}
