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
 * One PGlite session and the lock that lends it to one borrower at a time. Pools in the
 * same process that name the same folder (or the same `memory://<name>`) share one
 * session, as two connections to one server would; bare `memory://` is always private.
 */
class EmbeddedSession {
  private db: Promise<PGlite> | undefined;
  private busy = false;
  private readonly waiting: Array<() => void> = [];
  references = 0;

  constructor(private readonly dataDir: string) {}

  async acquire(): Promise<EmbeddedClient> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy = true;
    try {
      return new EmbeddedClient(await this.open());
    } catch (error) {
      this.release();
      throw error;
    }
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    if (db) await (await db).close();
  }

  private open(): Promise<PGlite> {
    if (!this.db) {
      if (!this.dataDir.startsWith('memory://')) mkdirSync(this.dataDir, { recursive: true });
      // A named in-memory database is still in memory: PGlite only understands bare memory://.
      this.db = PGlite.create(this.dataDir.startsWith('memory://') ? 'memory://' : this.dataDir);
    }
    return this.db;
  }
}

const sharedSessions = new Map<string, EmbeddedSession>();

function attachSession(dataDir: string): EmbeddedSession {
  if (dataDir === 'memory://') return new EmbeddedSession(dataDir);
  let session = sharedSessions.get(dataDir);
  if (!session) {
    session = new EmbeddedSession(dataDir);
    sharedSessions.set(dataDir, session);
  }
  return session;
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
    private readonly session = attachSession(dataDir);
    private ended = false;

    constructor() {
      super();
      this.session.references += 1;
    }

    connect(callback: ConnectCallback): void {
      this.session
        .acquire()
        .then((client) => callback(null, client, () => this.session.release()))
        .catch((error: unknown) =>
          callback(error instanceof Error ? error : new Error(String(error)), null, () => undefined),
        );
    }

    end(callback?: (error?: Error) => void): void {
      if (this.ended) return void callback?.();
      this.ended = true;
      this.session.references -= 1;
      if (this.session.references > 0) return void callback?.();
      if (sharedSessions.get(dataDir) === this.session) sharedSessions.delete(dataDir);
      this.session
        .close()
        .then(() => callback?.())
        .catch((error: unknown) => callback?.(error as Error));
    }
  }
  return { Pool: EmbeddedPool };
}
