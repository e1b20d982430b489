import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LivePublisher } from '../../src/realtime';

/** What may never appear in an answer: stack frames, driver or SQL error text, file paths. */
export const LEAK =
  /QueryFailedError|syntax error at or near|relation "[^"]*" does not exist|\n\s+at \S+ \(|node_modules|\.ts:\d+:\d+|column "[^"]*" does not exist|invalid input syntax/;

/** Strings that break naive SQL building, one per trick. */
export const SQL_INJECTIONS = [
  "' OR '1'='1",
  '1; DROP TABLE sources; --',
  "x') UNION SELECT password_hash FROM users --",
  'name desc, (SELECT pg_sleep(1))',
  '%27%20OR%201%3D1',
  '\\x00\u0000',
];

/** Rows per table the bad input could have changed. */
const WATCHED_TABLES = [
  'sources',
  'credentials',
  'users',
  'service_clients',
  'sync_runs',
  'raw_snapshots',
  'teams',
  'departments',
  'live_topics',
  'signing_keys',
];

/**
 * Row counts of the watched tables, once the app's own background work from earlier
 * requests has landed (live updates are numbered just after the write they announce).
 */
export async function tableCounts(app: INestApplication): Promise<Record<string, number>> {
  await app.get(LivePublisher).settled();
  const db = app.get(DataSource);
  const counts: Record<string, number> = {};
  for (const table of WATCHED_TABLES) {
    const [row] = await db.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(row.n);
  }
  return counts;
}

export interface Answer {
  status: number;
  text: string;
}

/** No 5xx, nothing leaked, and every 4xx in the API error format. */
export function expectSafeAnswer(what: string, answer: Answer): void {
  expect({ what, status: answer.status < 500 }).toEqual({ what, status: true });
  expect({ what, leaked: LEAK.test(answer.text) }).toEqual({ what, leaked: false });
  if (answer.status >= 400) {
    const body = JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown; traceId?: unknown } };
    expect({ what, format: [typeof body.error?.code, typeof body.error?.message, typeof body.error?.traceId] }).toEqual(
      {
        what,
        format: ['string', 'string', 'string'],
      },
    );
  }
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string }>;
}

export interface ListRoute {
  path: string;
  query: string[];
}

/** Every GET route with query parameters, from the OpenAPI document the app serves. */
export async function listRoutesFromOpenApi(baseUrl: string): Promise<ListRoute[]> {
  const doc = (await (await fetch(`${baseUrl}/api/docs-json`)).json()) as {
    paths: Record<string, Record<string, OpenApiOperation>>;
  };
  return Object.entries(doc.paths)
    .filter(([path, ops]) => ops.get && path !== '/api/v1/stream') // the stream is covered by its own tests
    .map(([path, ops]) => ({
      path,
      query: (ops.get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    }))
    .filter((route) => route.query.length > 0);
}

/** Every operation in the OpenAPI document, method upper-cased. */
export async function listOperations(baseUrl: string): Promise<Array<{ method: string; path: string }>> {
  const doc = (await (await fetch(`${baseUrl}/api/docs-json`)).json()) as { paths: Record<string, object> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
  );
}

/** A concrete URL for an OpenAPI path template; ids that exist nowhere are fine. */
export function concretePath(path: string): string {
  return path
    .replace('{snapshotId}', '00000000-0000-4000-8000-000000000000')
    .replace('{id}', /sync-runs|users|clients/.test(path) ? '00000000-0000-4000-8000-000000000001' : 'no-such-thing');
}
