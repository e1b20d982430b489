import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sources and credentials, the sync engine's state, runs and raw snapshots, and the
 * normalized tables the sync engine fills (portfolio, workplace, CRM, data points).
 */
export class CreateSyncEngine1764237600000 implements MigrationInterface {
  name = 'CreateSyncEngine1764237600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "sources" ("id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(16) NOT NULL, "domain" character varying(32) NOT NULL, "normalizer" character varying(64) NOT NULL, "tenant_id" character varying(64), "enabled" boolean NOT NULL DEFAULT true, "cadence" jsonb NOT NULL, "full_sync" jsonb, "timeout_ms" integer NOT NULL, "retry" jsonb NOT NULL, "breaker" jsonb NOT NULL, "freshness" jsonb NOT NULL, "request" jsonb, "mapping" jsonb NOT NULL DEFAULT '{}', "webhook_secret_credential_id" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_85523beafe5a2a6b90b02096443" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "ix_sources_domain" ON "sources"  ("domain") `);
    await runner.query(`CREATE INDEX "ix_sources_tenant" ON "sources"  ("tenant_id") `);
    await runner.query(
      `CREATE TABLE "crm_leads" ("source_id" character varying(64) NOT NULL, "external_id" character varying(128) NOT NULL, "tenant_id" character varying(64), "content_hash" character varying(64) NOT NULL, "source_updated_at" TIMESTAMP WITH TIME ZONE, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "first_name" character varying(100), "last_name" character varying(100), "email" character varying(320), "phone" character varying(50), "lead_source" character varying(64) NOT NULL, "status" character varying(32) NOT NULL, "owner" character varying(200), "created_at_source" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_34e740ae5e66a7041b73e289481" PRIMARY KEY ("source_id", "external_id"))`,
    );
    await runner.query(`CREATE INDEX "ix_crm_leads_tenant_status" ON "crm_leads"  ("tenant_id", "status") `);
    await runner.query(
      `CREATE TABLE "crm_pipeline_items" ("source_id" character varying(64) NOT NULL, "external_id" character varying(128) NOT NULL, "tenant_id" character varying(64), "content_hash" character varying(64) NOT NULL, "source_updated_at" TIMESTAMP WITH TIME ZONE, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "lead_external_id" character varying(128), "name" character varying(300) NOT NULL, "stage" character varying(32) NOT NULL, "value" double precision NOT NULL, "probability" integer, "expected_close" date, "stage_entered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ab72df57f03d384d2f031f098e1" PRIMARY KEY ("source_id", "external_id"))`,
    );
    await runner.query(
      `CREATE INDEX "ix_crm_pipeline_items_tenant_stage" ON "crm_pipeline_items"  ("tenant_id", "stage") `,
    );
    await runner.query(
      `CREATE TABLE "crm_hot_list_items" ("source_id" character varying(64) NOT NULL, "external_id" character varying(128) NOT NULL, "tenant_id" character varying(64), "content_hash" character varying(64) NOT NULL, "source_updated_at" TIMESTAMP WITH TIME ZONE, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "lead_external_id" character varying(128), "name" character varying(200) NOT NULL, "reason" character varying(500), "priority" integer NOT NULL, "status" character varying(32) NOT NULL, "last_activity_at" TIMESTAMP WITH TIME ZONE, "added_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_41e2c9d66ef970a84ee16f2d067" PRIMARY KEY ("source_id", "external_id"))`,
    );
    await runner.query(
      `CREATE INDEX "ix_crm_hot_list_items_tenant_priority" ON "crm_hot_list_items"  ("tenant_id", "priority") `,
    );
    await runner.query(
      `CREATE TABLE "crm_notes" ("source_id" character varying(64) NOT NULL, "external_id" character varying(128) NOT NULL, "tenant_id" character varying(64), "content_hash" character varying(64) NOT NULL, "source_updated_at" TIMESTAMP WITH TIME ZONE, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "lead_external_id" character varying(128), "author" character varying(200), "body" text NOT NULL, "noted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_37610e03e5d96cbdbcd1ca5403b" PRIMARY KEY ("source_id", "external_id"))`,
    );
    await runner.query(`CREATE INDEX "ix_crm_notes_tenant_noted_at" ON "crm_notes"  ("tenant_id", "noted_at") `);
    await runner.query(
      `CREATE TABLE "crm_scheduled_activities" ("source_id" character varying(64) NOT NULL, "external_id" character varying(128) NOT NULL, "tenant_id" character varying(64), "content_hash" character varying(64) NOT NULL, "source_updated_at" TIMESTAMP WITH TIME ZONE, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "lead_external_id" character varying(128), "activity_type" character varying(32) NOT NULL, "title" character varying(300) NOT NULL, "scheduled_for" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer, "assigned_to" character varying(200), "status" character varying(32) NOT NULL, CONSTRAINT "PK_ae8916ebf05c3e0f848542c2edb" PRIMARY KEY ("source_id", "external_id"))`,
    );
    await runner.query(
      `CREATE INDEX "ix_crm_scheduled_activities_tenant_when" ON "crm_scheduled_activities"  ("tenant_id", "scheduled_for") `,
    );
    await runner.query(
      `CREATE TABLE "data_points" ("source_id" character varying(64) NOT NULL, "external_id" character varying(128) NOT NULL, "tenant_id" character varying(64), "content_hash" character varying(64) NOT NULL, "source_updated_at" TIMESTAMP WITH TIME ZONE, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "category" character varying(32) NOT NULL, "metric" character varying(64) NOT NULL, "value" double precision NOT NULL, "unit" character varying(16), "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_cded4bda345ea9d38502492cd10" PRIMARY KEY ("source_id", "external_id"))`,
    );
    await runner.query(`CREATE INDEX "ix_data_points_metric_recorded_at" ON "data_points"  ("metric", "recorded_at") `);
    await runner.query(
      `CREATE TABLE "projects" ("source_id" character varying(64) NOT NULL, "external_id" character varying(128) NOT NULL, "tenant_id" character varying(64), "content_hash" character varying(64) NOT NULL, "source_updated_at" TIMESTAMP WITH TIME ZONE, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "name" character varying(300) NOT NULL, "portfolio" character varying(32) NOT NULL, "status" character varying(32) NOT NULL, "priority" character varying(16) NOT NULL, "owner_name" character varying(200), "owner_email" character varying(320), "team" character varying(64), "budget" double precision NOT NULL, "actual_cost" double precision NOT NULL, "percent_complete" double precision NOT NULL, "planned_progress" double precision NOT NULL, "start_date" date, "end_date" date, "strategic_goal" character varying(300), "milestones" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_71845730e8d8802d68aa93ff102" PRIMARY KEY ("source_id", "external_id"))`,
    );
    await runner.query(`CREATE INDEX "ix_projects_portfolio_status" ON "projects"  ("portfolio", "status") `);
    await runner.query(
      `CREATE TABLE "project_risks" ("source_id" character varying(64) NOT NULL, "external_id" character varying(128) NOT NULL, "tenant_id" character varying(64), "content_hash" character varying(64) NOT NULL, "source_updated_at" TIMESTAMP WITH TIME ZONE, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "project_external_id" character varying(128) NOT NULL, "title" character varying(300) NOT NULL, "category" character varying(64), "probability" integer NOT NULL, "impact" integer NOT NULL, "score" integer NOT NULL, "status" character varying(16) NOT NULL, "owner" character varying(200), "mitigation" text, "identified_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3b2f2987a3d0f1319ae2fb5d186" PRIMARY KEY ("source_id", "external_id"))`,
    );
    await runner.query(`CREATE INDEX "ix_project_risks_project" ON "project_risks"  ("project_external_id") `);
    await runner.query(
      `CREATE TABLE "financial_entries" ("source_id" character varying(64) NOT NULL, "external_id" character varying(128) NOT NULL, "tenant_id" character varying(64), "content_hash" character varying(64) NOT NULL, "source_updated_at" TIMESTAMP WITH TIME ZONE, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "project_external_id" character varying(128) NOT NULL, "month" date NOT NULL, "budget" double precision NOT NULL, "actual" double precision NOT NULL, "forecast" double precision, "benefit" double precision, "roi" double precision, "cash_flow" double precision, "discount_rate" double precision, CONSTRAINT "PK_3970987fb1afdd04f7bf030daea" PRIMARY KEY ("source_id", "external_id"))`,
    );
    await runner.query(
      `CREATE INDEX "ix_financial_entries_project_month" ON "financial_entries"  ("project_external_id", "month") `,
    );
    await runner.query(
      `CREATE TABLE "credentials" ("id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(32) NOT NULL, "tenant_id" character varying(64), "client_id" character varying(200), "sealed_secret" text NOT NULL, "key_id" character varying(32) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1e38bc43be6697cdda548ad27a6" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE TABLE "raw_snapshots" ("id" uuid NOT NULL, "source_id" character varying(64) NOT NULL, "run_id" uuid NOT NULL, "tenant_id" character varying(64), "page" integer NOT NULL, "full" boolean NOT NULL, "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "content_hash" character varying(64) NOT NULL, "bytes" integer NOT NULL, "request_url" text NOT NULL, "payload" jsonb NOT NULL, CONSTRAINT "PK_54903620118e07bdea722e47d15" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "ix_raw_snapshots_run" ON "raw_snapshots"  ("run_id") `);
    await runner.query(
      `CREATE INDEX "ix_raw_snapshots_source_fetched_at" ON "raw_snapshots"  ("source_id", "fetched_at") `,
    );
    await runner.query(
      `CREATE TABLE "source_states" ("source_id" character varying(64) NOT NULL, "next_run_at" TIMESTAMP WITH TIME ZONE NOT NULL, "next_full_at" TIMESTAMP WITH TIME ZONE, "lease_owner" uuid, "lease_until" TIMESTAMP WITH TIME ZONE, "cursor" text, "last_run_id" uuid, "last_run_status" character varying(32), "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_success_at" TIMESTAMP WITH TIME ZONE, "last_full_sync_at" TIMESTAMP WITH TIME ZONE, "data_as_of" TIMESTAMP WITH TIME ZONE, "rate_limited_until" TIMESTAMP WITH TIME ZONE, "breaker_snapshot" jsonb, "breaker_state" character varying(16) NOT NULL DEFAULT 'closed', "breaker_opened_at" TIMESTAMP WITH TIME ZONE, "consecutive_failures" integer NOT NULL DEFAULT '0', "last_page_hashes" jsonb, "last_error_code" character varying(64), "last_error_message" text, "last_error_category" character varying(32), "last_error_at" TIMESTAMP WITH TIME ZONE, "freshness_state" character varying(16), CONSTRAINT "PK_49ea48aaf642cf543a95a7f0fba" PRIMARY KEY ("source_id"))`,
    );
    await runner.query(`CREATE INDEX "ix_source_states_next_run_at" ON "source_states"  ("next_run_at") `);
    await runner.query(
      `CREATE TABLE "sync_runs" ("id" uuid NOT NULL, "source_id" character varying(64) NOT NULL, "trigger" character varying(16) NOT NULL, "mode" character varying(16) NOT NULL, "status" character varying(32) NOT NULL, "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "duration_ms" integer, "attempts" integer NOT NULL DEFAULT '0', "pages" integer NOT NULL DEFAULT '0', "records_fetched" integer NOT NULL DEFAULT '0', "records_upserted" integer NOT NULL DEFAULT '0', "records_deleted" integer NOT NULL DEFAULT '0', "error_code" character varying(64), "error_message" text, "error_category" character varying(32), "retryable" boolean, "retry_after_seconds" integer, "instance_id" uuid, CONSTRAINT "PK_adf13fff41a683b3b991fb90b11" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "ix_sync_runs_status" ON "sync_runs"  ("status") `);
    await runner.query(`CREATE INDEX "ix_sync_runs_source_queued_at" ON "sync_runs"  ("source_id", "queued_at") `);
    await runner.query(
      `CREATE TABLE "departments" ("source_id" character varying(64) NOT NULL, "external_id" character varying(128) NOT NULL, "tenant_id" character varying(64), "content_hash" character varying(64) NOT NULL, "source_updated_at" TIMESTAMP WITH TIME ZONE, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "name" character varying(200) NOT NULL, "headcount" integer NOT NULL, "open_roles" integer NOT NULL, CONSTRAINT "PK_09900278033cee569ecd001524d" PRIMARY KEY ("source_id", "external_id"))`,
    );
    await runner.query(
      `CREATE TABLE "teams" ("source_id" character varying(64) NOT NULL, "external_id" character varying(128) NOT NULL, "tenant_id" character varying(64), "content_hash" character varying(64) NOT NULL, "source_updated_at" TIMESTAMP WITH TIME ZONE, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "department_id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "manager_email" character varying(320), "headcount" integer NOT NULL, "open_roles" integer NOT NULL, "pipeline" jsonb NOT NULL, "sentiment_sealed" text, CONSTRAINT "PK_26e1273b036461989eba2c870fa" PRIMARY KEY ("source_id", "external_id"))`,
    );
    await runner.query(`CREATE INDEX "ix_teams_department" ON "teams"  ("department_id") `);
    await runner.query(
      `CREATE TABLE "calendar_events" ("source_id" character varying(64) NOT NULL, "external_id" character varying(128) NOT NULL, "tenant_id" character varying(64), "content_hash" character varying(64) NOT NULL, "source_updated_at" TIMESTAMP WITH TIME ZONE, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "title" character varying(300) NOT NULL, "location" character varying(100), "time_zone" character varying(64) NOT NULL, "local_start" character varying(19) NOT NULL, "local_end" character varying(19) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "rrule" character varying(500), "organizer" character varying(200), "cancelled" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_5e0cd7dc9da1acdab89e8561002" PRIMARY KEY ("source_id", "external_id"))`,
    );
    await runner.query(`CREATE INDEX "ix_calendar_events_starts_at" ON "calendar_events"  ("starts_at") `);
    await runner.query(
      `CREATE TABLE "incidents" ("source_id" character varying(64) NOT NULL, "external_id" character varying(128) NOT NULL, "tenant_id" character varying(64), "content_hash" character varying(64) NOT NULL, "source_updated_at" TIMESTAMP WITH TIME ZONE, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "kind" character varying(16) NOT NULL, "title" character varying(500) NOT NULL, "severity" character varying(16) NOT NULL, "state" character varying(16) NOT NULL, "assignment_group" character varying(200), "assignee" character varying(200), "department_id" character varying(64), "location" character varying(100), "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_942f37d498c54117744a4a6e219" PRIMARY KEY ("source_id", "external_id"))`,
    );
    await runner.query(`CREATE INDEX "ix_incidents_state_severity" ON "incidents"  ("state", "severity") `);
    await runner.query(
      `ALTER TABLE "crm_leads" ADD CONSTRAINT "FK_8e462b9adadeacb28d23df79cd5" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "crm_pipeline_items" ADD CONSTRAINT "FK_f4d37edbf7539fef9c00239de9d" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "crm_hot_list_items" ADD CONSTRAINT "FK_e7ee58d276a0f7a6aa54aa4df69" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "crm_notes" ADD CONSTRAINT "FK_15dfba45410a43da1e4afef8d5d" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "crm_scheduled_activities" ADD CONSTRAINT "FK_53f0f2768465ba8b60e0769f8cf" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "data_points" ADD CONSTRAINT "FK_be944b642b50a816a660508c900" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "projects" ADD CONSTRAINT "FK_bd0d788df5203e76ae07be6a459" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "project_risks" ADD CONSTRAINT "FK_3dfcf0198e0ddf10358d459e6af" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "financial_entries" ADD CONSTRAINT "FK_467ff0821ac014ad8a15b56040a" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "raw_snapshots" ADD CONSTRAINT "FK_763a8a989dccf273bd83a429f8e" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "source_states" ADD CONSTRAINT "FK_49ea48aaf642cf543a95a7f0fba" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "sync_runs" ADD CONSTRAINT "FK_31f21cf18e84df0ba10fa7fd5a9" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "departments" ADD CONSTRAINT "FK_3f63e8c63073a25ce6d8273862c" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "teams" ADD CONSTRAINT "FK_dc9678151ea7c82c2aa8d6473d8" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "calendar_events" ADD CONSTRAINT "FK_09d53f1d20a169b6c58647403cf" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_3514b5f779135a120fa56abdbe9" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_3514b5f779135a120fa56abdbe9"`);
    await runner.query(`ALTER TABLE "calendar_events" DROP CONSTRAINT "FK_09d53f1d20a169b6c58647403cf"`);
    await runner.query(`ALTER TABLE "teams" DROP CONSTRAINT "FK_dc9678151ea7c82c2aa8d6473d8"`);
    await runner.query(`ALTER TABLE "departments" DROP CONSTRAINT "FK_3f63e8c63073a25ce6d8273862c"`);
    await runner.query(`ALTER TABLE "sync_runs" DROP CONSTRAINT "FK_31f21cf18e84df0ba10fa7fd5a9"`);
    await runner.query(`ALTER TABLE "source_states" DROP CONSTRAINT "FK_49ea48aaf642cf543a95a7f0fba"`);
    await runner.query(`ALTER TABLE "raw_snapshots" DROP CONSTRAINT "FK_763a8a989dccf273bd83a429f8e"`);
    await runner.query(`ALTER TABLE "financial_entries" DROP CONSTRAINT "FK_467ff0821ac014ad8a15b56040a"`);
    await runner.query(`ALTER TABLE "project_risks" DROP CONSTRAINT "FK_3dfcf0198e0ddf10358d459e6af"`);
    await runner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_bd0d788df5203e76ae07be6a459"`);
    await runner.query(`ALTER TABLE "data_points" DROP CONSTRAINT "FK_be944b642b50a816a660508c900"`);
    await runner.query(`ALTER TABLE "crm_scheduled_activities" DROP CONSTRAINT "FK_53f0f2768465ba8b60e0769f8cf"`);
    await runner.query(`ALTER TABLE "crm_notes" DROP CONSTRAINT "FK_15dfba45410a43da1e4afef8d5d"`);
    await runner.query(`ALTER TABLE "crm_hot_list_items" DROP CONSTRAINT "FK_e7ee58d276a0f7a6aa54aa4df69"`);
    await runner.query(`ALTER TABLE "crm_pipeline_items" DROP CONSTRAINT "FK_f4d37edbf7539fef9c00239de9d"`);
    await runner.query(`ALTER TABLE "crm_leads" DROP CONSTRAINT "FK_8e462b9adadeacb28d23df79cd5"`);
    await runner.query(`DROP INDEX "public"."ix_incidents_state_severity"`);
    await runner.query(`DROP TABLE "incidents"`);
    await runner.query(`DROP INDEX "public"."ix_calendar_events_starts_at"`);
    await runner.query(`DROP TABLE "calendar_events"`);
    await runner.query(`DROP INDEX "public"."ix_teams_department"`);
    await runner.query(`DROP TABLE "teams"`);
    await runner.query(`DROP TABLE "departments"`);
    await runner.query(`DROP INDEX "public"."ix_sync_runs_source_queued_at"`);
    await runner.query(`DROP INDEX "public"."ix_sync_runs_status"`);
    await runner.query(`DROP TABLE "sync_runs"`);
    await runner.query(`DROP INDEX "public"."ix_source_states_next_run_at"`);
    await runner.query(`DROP TABLE "source_states"`);
    await runner.query(`DROP INDEX "public"."ix_raw_snapshots_source_fetched_at"`);
    await runner.query(`DROP INDEX "public"."ix_raw_snapshots_run"`);
    await runner.query(`DROP TABLE "raw_snapshots"`);
    await runner.query(`DROP TABLE "credentials"`);
    await runner.query(`DROP INDEX "public"."ix_financial_entries_project_month"`);
    await runner.query(`DROP TABLE "financial_entries"`);
    await runner.query(`DROP INDEX "public"."ix_project_risks_project"`);
    await runner.query(`DROP TABLE "project_risks"`);
    await runner.query(`DROP INDEX "public"."ix_projects_portfolio_status"`);
    await runner.query(`DROP TABLE "projects"`);
    await runner.query(`DROP INDEX "public"."ix_data_points_metric_recorded_at"`);
    await runner.query(`DROP TABLE "data_points"`);
    await runner.query(`DROP INDEX "public"."ix_crm_scheduled_activities_tenant_when"`);
    await runner.query(`DROP TABLE "crm_scheduled_activities"`);
    await runner.query(`DROP INDEX "public"."ix_crm_notes_tenant_noted_at"`);
    await runner.query(`DROP TABLE "crm_notes"`);
    await runner.query(`DROP INDEX "public"."ix_crm_hot_list_items_tenant_priority"`);
    await runner.query(`DROP TABLE "crm_hot_list_items"`);
    await runner.query(`DROP INDEX "public"."ix_crm_pipeline_items_tenant_stage"`);
    await runner.query(`DROP TABLE "crm_pipeline_items"`);
    await runner.query(`DROP INDEX "public"."ix_crm_leads_tenant_status"`);
    await runner.query(`DROP TABLE "crm_leads"`);
    await runner.query(`DROP INDEX "public"."ix_sources_tenant"`);
    await runner.query(`DROP INDEX "public"."ix_sources_domain"`);
    await runner.query(`DROP TABLE "sources"`);
  }
}
