import 'reflect-metadata';
import { createApp } from './bootstrap/create-app';
import { ConfigError, loadConfig, type AppConfig } from './config';
import { DemoService } from './demo';

/** EX_CONFIG from sysexits.h: the configuration is wrong, retrying will not help. */
const EXIT_BAD_CONFIG = 78;

function readConfig(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`switchyard cannot start: ${error.message}\n`);
      process.exit(EXIT_BAD_CONFIG);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const { app, logger } = await createApp(config);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down: draining requests and closing the database');
      // If a dependency hangs during shutdown, leave anyway rather than linger forever.
      setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
    });
  }
  await app.listen({ port: config.http.port, host: config.http.host });
  const shownHost = config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
  const banner = app.get(DemoService).banner(`http://${shownHost}:${config.http.port}`);
  if (banner) process.stdout.write(`${banner}\n`);
  logger.info(
    { port: config.http.port, database: config.database.kind, version: config.version },
    `Switchyard ready on http://${shownHost}:${config.http.port} (database: ${config.database.kind})`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `switchyard failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
