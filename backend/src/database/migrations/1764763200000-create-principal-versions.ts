import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocation versions: access tokens carry the version of their principal at issue, and
 * one bumped by a disable, a role or scope change, a password reset or a client revoke
 * makes every older token fail at once. `changed_at` is indexed for replicas that poll.
 */
export class CreatePrincipalVersions1764763200000 implements MigrationInterface {
  name = 'CreatePrincipalVersions1764763200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "principal_versions" (
        "principal_key" character varying(100) NOT NULL,
        "version" integer NOT NULL,
        "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_principal_versions" PRIMARY KEY ("principal_key"))`,
    );
    await runner.query(`CREATE INDEX "ix_principal_versions_changed_at" ON "principal_versions" ("changed_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "principal_versions"`);
  }
}
