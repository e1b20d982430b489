import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig } from '../config';

/** Paths that belong to the API; a miss there is an API 404, never the console page. */
const API_PREFIXES = ['/api/', '/api', '/health', '/metrics', '/webhooks/', '/auth/', '/.well-known/'];

@Injectable()
export class ConsoleAssets implements OnModuleInit {
  private readonly logger = new Logger(ConsoleAssets.name);
  private index: string | undefined;

  constructor(private readonly config: AppConfig) {}

  get root(): string {
    return resolve(this.config.consoleDir);
  }

  get indexHtml(): string | undefined {
    return this.index;
  }

  onModuleInit(): void {
    const file = join(this.root, 'index.html');
    if (existsSync(file)) {
      this.index = readFileSync(file, 'utf8');
    } else {
      this.logger.warn(`console not found at ${this.root}; run "npm run build" to serve it`);
    }
  }
}

/** Deep links such as /portfolio/projects/p-7 get the console; files and API paths do not. */
export function isConsoleRoute(path: string): boolean {
  if (API_PREFIXES.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix))) return false;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !lastSegment.includes('.');
}
