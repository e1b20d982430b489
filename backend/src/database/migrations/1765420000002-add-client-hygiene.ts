import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Service-client secret expiry with a previous secret during the overlap, IP allowlists, and the networks each client was seen from. */
export class AddClientHygiene1765420000002 implements MigrationInterface {
  name = 'AddClientHygiene1765420000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "service_clients" ADD "secret_issued_at" TIMESTAMP WITH TIME ZONE`);
    // Existing secrets start their 90 days at the upgrade: counting from their creation could
    // expire every old client at once, without the warning.
    await runner.query(`UPDATE "service_clients" SET "secret_issued_at" = now()`);
    await runner.query(`ALTER TABLE "service_clients" ALTER COLUMN "secret_issued_at" SET NOT NULL`);
    await runner.query(`ALTER TABLE "service_clients" ADD "previous_secret_hash" text`);
    await runner.query(`ALTER TABLE "service_clients" ADD "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE`);
    await runner.query(`ALTER TABLE "service_clients" ADD "expiry_warned_at" TIMESTAMP WITH TIME ZONE`);
    await runner.query(`ALTER TABLE "service_clients" ADD "allowed_networks" text array NOT NULL DEFAULT '{}'`);
    await runner.query(`CREATE TABLE "client_networks" (
      "client_id" character varying(100) NOT NULL, "network" character varying(64) NOT NULL,
      "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_client_networks" PRIMARY KEY ("client_id", "network"))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "client_networks"`);
    for (const column of [
      'allowed_networks',
      'expiry_warned_at',
      'previous_secret_expires_at',
      'previous_secret_hash',
      'secret_issued_at',
    ]) {
      await runner.query(`ALTER TABLE "service_clients" DROP COLUMN "${column}"`);
    }
  }
}
