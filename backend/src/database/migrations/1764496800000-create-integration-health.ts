import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Integration health: received webhook events (redacted), issues and classifier feedback. */
export class CreateIntegrationHealth1764496800000 implements MigrationInterface {
  name = 'CreateIntegrationHealth1764496800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "integration_events" ("id" uuid NOT NULL, "integration" character varying(32) NOT NULL, "webhook_id" character varying(200) NOT NULL, "event_type" character varying(120) NOT NULL, "status" character varying(16) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE, "payload" jsonb NOT NULL, "error_message" text, "error_code" character varying(120), "error_http_status" integer, "category" character varying(32), "classification" jsonb, "issue_id" uuid, "process_attempts" integer NOT NULL DEFAULT '0', "claimed_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_integration_events_webhook" UNIQUE ("integration", "webhook_id"), CONSTRAINT "PK_a2d1c976c11f47866a9e4273192" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "ix_integration_events_issue" ON "integration_events"  ("issue_id") `);
    await runner.query(
      `CREATE INDEX "ix_integration_events_unprocessed" ON "integration_events"  ("received_at") WHERE processed_at IS NULL`,
    );
    await runner.query(
      `CREATE INDEX "ix_integration_events_integration_occurred" ON "integration_events"  ("integration", "occurred_at") `,
    );
    await runner.query(
      `CREATE TABLE "integration_feedback" ("id" uuid NOT NULL, "event_id" uuid NOT NULL, "integration" character varying(32) NOT NULL, "helpful" boolean NOT NULL, "correct_category" character varying(32), "given_by" character varying(320) NOT NULL, "given_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_integration_feedback_event_by" UNIQUE ("event_id", "given_by"), CONSTRAINT "PK_53cc96a6638bef154dedec5888a" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE INDEX "ix_integration_feedback_integration" ON "integration_feedback"  ("integration") `,
    );
    await runner.query(
      `CREATE TABLE "integration_issues" ("id" uuid NOT NULL, "integration" character varying(32) NOT NULL, "category" character varying(32) NOT NULL, "signature_hash" character varying(64) NOT NULL, "signature" text NOT NULL, "title" text NOT NULL, "severity" character varying(16) NOT NULL, "state" character varying(16) NOT NULL, "occurrences" integer NOT NULL DEFAULT '1', "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, "last_event_id" uuid NOT NULL, "state_changed_by" character varying(320), "state_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "history" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "uq_integration_issues_group" UNIQUE ("integration", "category", "signature_hash"), CONSTRAINT "PK_f911f19ca811f287a74a12f6490" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE INDEX "ix_integration_issues_state" ON "integration_issues"  ("state", "last_seen_at") `,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "public"."ix_integration_issues_state"`);
    await runner.query(`DROP TABLE "integration_issues"`);
    await runner.query(`DROP INDEX "public"."ix_integration_feedback_integration"`);
    await runner.query(`DROP TABLE "integration_feedback"`);
    await runner.query(`DROP INDEX "public"."ix_integration_events_integration_occurred"`);
    await runner.query(`DROP INDEX "public"."ix_integration_events_unprocessed"`);
    await runner.query(`DROP INDEX "public"."ix_integration_events_issue"`);
    await runner.query(`DROP TABLE "integration_events"`);
  }
}
