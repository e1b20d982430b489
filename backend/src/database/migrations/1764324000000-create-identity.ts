import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, service clients, refresh-token families, JWT signing keys and the audit log. */
export class CreateIdentity1764324000000 implements MigrationInterface {
  name = 'CreateIdentity1764324000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_kind" character varying(16) NOT NULL, "actor_id" character varying(320), "action" character varying(64) NOT NULL, "resource_type" character varying(64), "resource_id" character varying(200), "outcome" character varying(16) NOT NULL, "ip" character varying(64), "trace_id" character varying(128), "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "ix_audit_events_action" ON "audit_events"  ("action") `);
    await runner.query(`CREATE INDEX "ix_audit_events_at" ON "audit_events"  ("at") `);
    await runner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL, "email" character varying(320) NOT NULL, "display_name" character varying(200) NOT NULL, "password_hash" text NOT NULL, "roles" text array NOT NULL, "data_scopes" jsonb NOT NULL, "disabled" boolean NOT NULL DEFAULT false, "failed_logins" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_a7838d2ba25be1342091b6695f1" UNIQUE ("token_hash"), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "ix_refresh_tokens_family" ON "refresh_tokens"  ("family_id") `);
    await runner.query(
      `CREATE TABLE "service_clients" ("id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "secret_hash" text NOT NULL, "scopes" text array NOT NULL, "data_scopes" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "rotated_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_816acbf53de1e1ddbbf35863271" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE TABLE "signing_keys" ("kid" character varying(64) NOT NULL, "alg" character varying(16) NOT NULL, "public_jwk" jsonb NOT NULL, "private_sealed" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "retired_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_13362ac3e792c69417e1a53d355" PRIMARY KEY ("kid"))`,
    );
    await runner.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"`);
    await runner.query(`DROP TABLE "signing_keys"`);
    await runner.query(`DROP TABLE "service_clients"`);
    await runner.query(`DROP INDEX "public"."ix_refresh_tokens_family"`);
    await runner.query(`DROP TABLE "refresh_tokens"`);
    await runner.query(`DROP TABLE "users"`);
    await runner.query(`DROP INDEX "public"."ix_audit_events_at"`);
    await runner.query(`DROP INDEX "public"."ix_audit_events_action"`);
    await runner.query(`DROP TABLE "audit_events"`);
  }
}
