import type { ResumeAck, SubscribeAck } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startPrivateRedis, type PrivateRedis } from '../../test/faults/private-services';
import { expectReconciled } from '../../test/faults/reconcile';
import { connectLive, waitUntil, type LiveClient } from '../../test/support/live-client';
import { startSyncTestbed, testSource, type SyncTestbed } from '../../test/support/sync-testbed';
import { startTestApp, type TestApp } from '../../test/support/test-app';

const SOURCE = 'outage-hris';
const TOPIC = `source:${SOURCE}`;
const WRITES = 8;

/** Seqs a client holds for the topic, deduplicated, in arrival order. */
const seqsOf = (client: LiveClient) => [...new Set(client.updates.filter((u) => u.topic === TOPIC).map((u) => u.seq))];

/** Resumes from the highest seq held without a gap, until `expected` seqs are held. */
async function catchUp(client: LiveClient, from: number, expected: number): Promise<number[]> {
  return waitUntil(async () => {
    const held = new Set(seqsOf(client));
    let contiguous = from;
    while (held.has(contiguous + 1)) contiguous += 1;
    if (contiguous >= from + expected) return seqsOf(client);
    await client.request<ResumeAck>('resume', { topic: TOPIC, afterSeq: contiguous });
    return null;
  }, 30_000);
}

// Redis is SIGKILLed under two replicas while API writes keep coming, then restarted
// empty: everything raised during the outage is numbered after it returns, seqs
// continue from where they were, and clients fill any gap by resuming.
describe('fault: Redis killed and restarted under two replicas', () => {
  let redis: PrivateRedis;
  let a: SyncTestbed;
  let b: TestApp;
  let prefix: string;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    redis = await startPrivateRedis();
    prefix = `fault-${randomUUID()}`;
    const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix };
    a = await startSyncTestbed({ seed: 5 }, env);
    b = await startTestApp(
      { SYNC_ENABLED: 'false', SOURCE_ALLOWED_HOSTS: '127.0.0.1', ...env },
      { database: a.app.config.database },
    );
    await a.createSource(testSource(a.simulator.url, { id: SOURCE }));
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await b.close();
    await a.close();
    await redis.stop();
  });

  it('delivers in order after Redis returns what was raised while it was gone', async () => {
    for (const app of [a.app, b, a.app, b]) {
      const client = await connectLive(app.baseUrl, await app.tokenFor('master_admin'));
      clients.push(client);
    }
    const acks = await Promise.all(clients.map((c) => c.request<SubscribeAck>('subscribe', { topics: [TOPIC] })));
    const before = acks.map((ack) => (ack.results[0].granted ? ack.results[0].seq : -1));
    expect(new Set(before).size).toBe(1);
    const seqBefore = before[0];

    await redis.kill();
    const apps = [a.app, b];
    let acknowledged = 0;
    let failed = 0;
    for (let i = 0; i < WRITES; i += 1) {
      const app = apps[i % 2];
      const response = await fetch(`${app.baseUrl}/api/v1/sources/${SOURCE}`, {
        method: 'PATCH',
        headers: { ...(await app.adminHeaders()), 'content-type': 'application/json' },
        body: JSON.stringify({ name: `during outage ${i}` }),
      });
      if (response.status === 200) acknowledged += 1;
      else failed += 1;
    }
    const ready = await fetch(`${b.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);
    await redis.start();

    const seen = await Promise.all(clients.map((client) => catchUp(client, seqBefore, acknowledged)));
    const expected = Array.from({ length: acknowledged }, (_, i) => seqBefore + 1 + i);
    for (const seqs of seen) expect([...seqs].sort((x, y) => x - y)).toEqual(expected);
    // Live pushes arrived in seq order; a resume only ever appends the missing tail.
    for (const client of clients) {
      const pushed = seqsOf(client);
      expect(pushed).toEqual([...pushed].sort((x, y) => x - y));
    }

    const inspector = new Redis(redis.url);
    const stored = await inspector.zcount(`${prefix}:live:buffer:${TOPIC}`, seqBefore + 1, '+inf');
    inspector.disconnect();
    await waitUntil(async () => ((await fetch(`${b.baseUrl}/health/ready`)).status === 200 ? true : null), 15_000);
    expectReconciled('redis-restart', {
      sent: WRITES,
      acknowledged,
      stored,
      delivered: Math.min(...seen.map((s) => s.length)),
      failed,
    });
  });
});
