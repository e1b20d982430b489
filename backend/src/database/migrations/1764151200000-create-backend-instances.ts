import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBackendInstances1764151200000 implements MigrationInterface {
  name = 'CreateBackendInstances1764151200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "backend_instances" (
        "id" uuid NOT NULL,
        "hostname" character varying(255) NOT NULL,
        "pid" integer NOT NULL,
        "version" character varying(64) NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "stopped_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_backend_instances" PRIMARY KEY ("id")
      )`);
    await runner.query(`CREATE INDEX "ix_backend_instances_last_seen_at" ON "backend_instances" ("last_seen_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "ix_backend_instances_last_seen_at"`);
    await runner.query(`DROP TABLE "backend_instances"`);
  }
}
