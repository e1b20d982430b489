import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users linked to an OpenID Connect provider's subject; sessions remember their provider for RP-initiated logout. */
export class AddSingleSignOn1765420000001 implements MigrationInterface {
  name = 'AddSingleSignOn1765420000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "users" ADD "sso_provider" character varying(64)`);
    await runner.query(`ALTER TABLE "users" ADD "sso_subject" character varying(255)`);
    await runner.query(`CREATE UNIQUE INDEX "ux_users_sso" ON "users" ("sso_provider", "sso_subject")`);
    await runner.query(`ALTER TABLE "refresh_tokens" ADD "sso_provider" character varying(64)`);
    await runner.query(`ALTER TABLE "refresh_tokens" ADD "id_token" text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "id_token"`);
    await runner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "sso_provider"`);
    await runner.query(`DROP INDEX "ux_users_sso"`);
    await runner.query(`ALTER TABLE "users" DROP COLUMN "sso_subject"`);
    await runner.query(`ALTER TABLE "users" DROP COLUMN "sso_provider"`);
  }
}
