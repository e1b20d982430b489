import { PGlite, type Results } from '@electric-sql/pglite';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';

/** The subset of a node-postgres query result that TypeORM reads. */
interface PgQueryResult {
  rows: unknown[];
  rowCount: number;
  command: string;
  fields: Array<{ name: string; dataTypeID: number }>;
}

type ConnectCallback = (error: Error | null, client: EmbeddedClient | null, release: (error?: unknown) => void) => void;

class EmbeddedClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  async query(text: string, params?: unknown[]): Promise<PgQueryResult> {
    // The extended protocol takes one statement; parameterless calls may hold several
    // (migrations), which the simple protocol runs, answering with the last result.
    const result: Results =
      params && params.length > 0 ? await this.db.query(text, params) : lastOf(await this.db.exec(text));
    return {
      rows: result.rows,
      rowCount: result.affectedRows ?? result.rows.length,
      command: result.command ?? text.trimStart().split(/\s+/, 1)[0]?.toUpperCase() ?? '',
      fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
    };
  }
}

function lastOf(results: Results[]): Results {
  return results.at(-1) ?? { rows: [], fields: [] };
}

/**
 * A node-postgres compatible driver for TypeORM backed by embedded PGlite.
 *
 * PGlite is a single session, so this pool has exactly one client and hands it out to
 * one borrower at a time. That keeps TypeORM transactions from interleaving on the
 * shared session, which a naive adapter would allow.
 */
export function createEmbeddedPgDriver(dataDir: string): { Pool: new () => EventEmitter } {
  class EmbeddedPool extends EventEmitter {
    private db: Promise<PGlite> | undefined;
    private busy = false;
    private readonly waiting: Array<() => void> = [];

    connect(callback: ConnectCallback): void {
      this.acquire()
        .then((client) => callback(null, client, () => this.release()))
        .catch((error: unknown) =>
          callback(error instanceof Error ? error : new Error(String(error)), null, () => undefined),
        );
    }

    end(callback?: (error?: Error) => void): void {
      const closing = this.db ? this.db.then((db) => db.close()) : Promise.resolve();
      this.db = undefined;
      closing.then(() => callback?.()).catch((error: unknown) => callback?.(error as Error));
    }

    private async acquire(): Promise<EmbeddedClient> {
      if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.busy = true;
      try {
        return new EmbeddedClient(await this.open());
      } catch (error) {
        this.release();
        throw error;
      }
    }

    private release(): void {
      const next = this.waiting.shift();
      if (next) next();
      else this.busy = false;
    }

    private open(): Promise<PGlite> {
      if (!this.db) {
        if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
        this.db = PGlite.create(dataDir);
      }
      return this.db;
    }
  }
  return { Pool: EmbeddedPool };
}
