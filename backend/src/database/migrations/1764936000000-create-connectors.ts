import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where the simulator's demo sources used to point, by the normalizer they named. */
const NORMALIZER_STREAMS: Record<string, [string, string, string]> = {
  'pm.projects.v1': ['simulator-pm', 'projects', '/pm/v2/projects'],
  'pm.risks.v1': ['simulator-pm', 'risks', '/pm/v2/risks'],
  'pm.financials.v1': ['simulator-pm', 'financials', '/pm/v2/financials'],
  'hris.departments.v1': ['simulator-hris', 'departments', '/hris/api/departments'],
  'calendar.events.v1': ['simulator-calendar', 'events', '/calendar/v1/events'],
  'ticketing.tickets.v1': ['simulator-ticketing', 'tickets', '/ticketing/api/v3/tickets'],
  'crm.leads.v1': ['simulator-crm', 'leads', '/crm/api/leads'],
  'crm.pipeline.v1': ['simulator-crm', 'pipeline', '/crm/api/pipeline'],
  'crm.hot-list.v1': ['simulator-crm', 'hot_list', '/crm/api/hot-list'],
  'crm.notes.v1': ['simulator-crm', 'notes', '/crm/api/notes'],
  'crm.schedule.v1': ['simulator-crm', 'schedule', '/crm/api/schedule'],
  'metrics.series.v1': ['simulator-metrics', 'series', '/metrics/api/v1/series'],
};

/**
 * Connectors become data: custom connector definitions (with their earlier versions),
 * sources name a connector and stream instead of a fixed normalizer plus request, and
 * credentials may hold further named secrets. Existing sources of the simulator's
 * normalizers are rewritten onto the built-in simulator connectors.
 */
export class CreateConnectors1764936000000 implements MigrationInterface {
  name = 'CreateConnectors1764936000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "connectors" (
      "id" character varying(64) NOT NULL, "version" integer NOT NULL, "definition" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_connectors" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE TABLE "connector_versions" (
      "connector_id" character varying(64) NOT NULL, "version" integer NOT NULL, "definition" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_connector_versions" PRIMARY KEY ("connector_id", "version"))`);
    await runner.query(`ALTER TABLE "credentials" ADD "sealed_fields" text`);
    await runner.query(`ALTER TABLE "sources" ADD "connector" jsonb`);
    type OldSource = {
      id: string;
      normalizer: string;
      request: { url?: string; auth?: { credentialId?: string } } | null;
    };
    const rows = (await runner.query(`SELECT "id", "normalizer", "request" FROM "sources"`)) as OldSource[];
    for (const row of rows) {
      const [connector, stream, suffix] = NORMALIZER_STREAMS[row.normalizer] ?? ['simulator-hris', 'departments', ''];
      const url = row.request?.url ?? '';
      const baseUrl = url.endsWith(suffix)
        ? url.slice(0, url.length - suffix.length)
        : new URL(url || 'http://127.0.0.1').origin;
      const ref = { id: connector, stream, credentialId: row.request?.auth?.credentialId ?? null, config: { baseUrl } };
      await runner.query(`UPDATE "sources" SET "connector" = $2 WHERE "id" = $1`, [row.id, JSON.stringify(ref)]);
    }
    await runner.query(`ALTER TABLE "sources" ALTER COLUMN "connector" SET NOT NULL`);
    await runner.query(`ALTER TABLE "sources" DROP COLUMN "normalizer"`);
    await runner.query(`ALTER TABLE "sources" DROP COLUMN "request"`);
    await runner.query(`ALTER TABLE "sources" DROP COLUMN "mapping"`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "sources" ADD "mapping" jsonb NOT NULL DEFAULT '{}'`);
    await runner.query(`ALTER TABLE "sources" ADD "request" jsonb`);
    await runner.query(
      `ALTER TABLE "sources" ADD "normalizer" character varying(64) NOT NULL DEFAULT 'hris.departments.v1'`,
    );
    await runner.query(`ALTER TABLE "sources" DROP COLUMN "connector"`);
    await runner.query(`ALTER TABLE "credentials" DROP COLUMN "sealed_fields"`);
    await runner.query(`DROP TABLE "connector_versions"`);
    await runner.query(`DROP TABLE "connectors"`);
  }
}
