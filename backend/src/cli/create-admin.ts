import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ALL_DATA } from '@switchyard/contracts';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { AuthModule, UsersService } from '../auth';
import { CommonModule, DomainException, InstanceIdentity } from '../common';
import { ConfigError, ConfigModule, loadCliConfig, type AppConfig } from '../config';
import { DatabaseModule } from '../database';
import { EventsModule } from '../events';

/** Just what creating a user needs: no HTTP, no sync, no demo. */
@Module({})
class CreateAdminModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CreateAdminModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule.forRoot(new InstanceIdentity()),
        DatabaseModule,
        EventsModule,
        AuthModule,
      ],
    };
  }
}

const USAGE = `usage: npm run create-admin -- --email you@example.com [--name "Your Name"]
The password is read from SWITCHYARD_ADMIN_PASSWORD, or asked for on the terminal (at least 12 characters).
Uses the same database settings as the server (DATABASE_URL or DATA_DIR).`;

async function readPassword(given: string | undefined): Promise<string> {
  if (given) return given;
  const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await prompt.question('Password for the new master admin: ');
  } finally {
    prompt.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.email) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 64;
  }
  const { config, adminPassword } = loadCliConfig();
  const password = await readPassword(adminPassword);
  const app = await NestFactory.createApplicationContext(CreateAdminModule.forRoot(config), { logger: ['error'] });
  try {
    const user = await app.get(UsersService).create(
      {
        email: values.email,
        displayName: values.name ?? values.email,
        password,
        roles: ['master_admin'],
        dataScopes: ALL_DATA,
      },
      null,
    );
    process.stdout.write(`created master admin ${user.email} (${user.id})\n`);
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof DomainException) {
      process.stderr.write(`create-admin: ${error.message}\n`);
      process.exit(error instanceof ConfigError ? 78 : 65);
    }
    process.stderr.write(`create-admin failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
