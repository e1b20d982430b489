import type { ResumeAck, SubscribeAck } from '@switchyard/contracts';
import { ALL_DATA } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { expectReconciled } from '../../test/faults/reconcile';
import { connectLive, waitUntil, type LiveClient } from '../../test/support/live-client';
import { startSyncTestbed, testSource, type SyncTestbed } from '../../test/support/sync-testbed';
import { AccessTokensService, userPrincipal } from '../auth';

const SOCKETS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One reader of a topic across reconnects: every seq it got, whichever socket got it. */
interface Reader {
  socket: LiveClient;
  seqs: Set<number>;
}

/** Acks under a storm can take longer than the test client's default 5 s. */
const ask = <T>(reader: Reader, event: string, body: unknown) =>
  reader.socket.socket.timeout(60_000).emitWithAck(event, body) as Promise<T>;

/** Runs `work` over `items` 50 at a time, as a crowd of real clients would arrive. */
async function inBatches<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += 50) results.push(...(await Promise.all(items.slice(i, i + 50).map(work))));
  return results;
}

const contiguousFrom = (seqs: Set<number>, from: number) => {
  let last = from;
  while (seqs.has(last + 1)) last += 1;
  return last;
};

describe('fault: socket storms and tokens expiring mid-connection', () => {
  let bed: SyncTestbed;

  beforeAll(async () => {
    bed = await startSyncTestbed({ seed: 11 });
  });

  afterAll(async () => {
    await bed.close();
  });

  const rename = async (sourceId: string, name: string) =>
    (await bed.api(`/sources/${sourceId}`, { method: 'PATCH', body: { name } })).status === 200;

  async function openReader(topic: string, token: string, seqs = new Set<number>()): Promise<Reader> {
    const socket = await connectLive(bed.app.baseUrl, token);
    socket.socket.on('update', (u: { topic: string; seq: number }) => {
      if (u.topic === topic) seqs.add(u.seq);
    });
    return { socket, seqs };
  }

  it(`disconnect storm: ${SOCKETS} sockets drop mid-stream, reconnect, resume and miss nothing`, async () => {
    const topic = 'source:storm-hris';
    await bed.createSource(testSource(bed.simulator.url, { id: 'storm-hris' }));
    const token = await bed.app.tokenFor('master_admin');
    const readers: Reader[] = [];
    readers.push(...(await inBatches(Array.from({ length: SOCKETS }), () => openReader(topic, token))));
    const acks = await inBatches(readers, (r) => ask<SubscribeAck>(r, 'subscribe', { topics: [topic] }));
    const start = acks[0].results[0].granted ? acks[0].results[0].seq : -1;

    let sent = 0;
    let acknowledged = 0;
    const writes = (async () => {
      for (let i = 0; i < 30; i += 1) {
        sent += 1;
        if (await rename('storm-hris', `storm ${i}`)) acknowledged += 1;
        await sleep(20);
      }
    })();
    await sleep(150);
    for (const reader of readers) reader.socket.close(); // the storm: every socket gone at once
    await sleep(100);
    await inBatches(readers, async (r) => {
      r.socket = (await openReader(topic, token, r.seqs)).socket;
    });
    await writes;
    await inBatches(readers, (r) =>
      waitUntil(async () => {
        const from = contiguousFrom(r.seqs, start);
        if (from >= start + acknowledged) return true;
        const ack = await ask<ResumeAck>(r, 'resume', { topic, afterSeq: from });
        expect(ack).toMatchObject({ ok: true });
        return null;
      }, 60_000),
    );
    const seqNow = (await readers[0].socket.request<SubscribeAck>('subscribe', { topics: [topic] })).results[0];
    for (const reader of readers) reader.socket.close();
    const delivered = Math.min(...readers.map((r) => [...r.seqs].filter((s) => s > start).length));
    expectReconciled(`disconnect-storm-${SOCKETS}`, {
      sent,
      acknowledged,
      stored: seqNow.granted ? seqNow.seq - start : -1,
      delivered,
      failed: sent - acknowledged,
    });
  });

  it('JWT expiring mid-socket: auth_expired and disconnect; a renewed socket resumes without a gap', async () => {
    const topic = 'source:expiry-hris';
    await bed.createSource(testSource(bed.simulator.url, { id: 'expiry-hris' }));
    const principal = userPrincipal({
      id: randomUUID(),
      email: 'short@test.local',
      displayName: 'Short-lived',
      roles: ['master_admin'],
      dataScopes: ALL_DATA,
    });
    const tokens = bed.app.app.get(AccessTokensService);
    const short = (await tokens.issue(principal, 2)).token;
    const reader = await openReader(topic, short);
    const ack = await reader.socket.request<SubscribeAck>('subscribe', { topics: [topic] });
    const start = ack.results[0].granted ? ack.results[0].seq : -1;
    const gone = reader.socket.disconnected();

    let sent = 0;
    let acknowledged = 0;
    const write = async (name: string) => {
      sent += 1;
      if (await rename('expiry-hris', name)) acknowledged += 1;
    };
    await write('before expiry');
    expect(await gone).toBe('io server disconnect');
    expect(reader.socket.events.map((e) => e.event)).toContain('auth_expired');
    await write('after expiry 1');
    await write('after expiry 2');

    // The expired token opens nothing: neither a socket nor a REST call.
    await expect(connectLive(bed.app.baseUrl, short)).rejects.toThrow('unauthenticated');
    const rest = await fetch(`${bed.app.baseUrl}/api/v1/sources`, { headers: { authorization: `Bearer ${short}` } });
    expect(rest.status).toBe(401);
    expect(await rest.json()).toMatchObject({
      error: {
        code: 'UNAUTHENTICATED',
        message: expect.any(String) as unknown,
        traceId: expect.any(String) as unknown,
      },
    });

    const renewed = await openReader(topic, (await tokens.issue(principal)).token, reader.seqs);
    const resumed = await renewed.socket.request<ResumeAck>('resume', {
      topic,
      afterSeq: contiguousFrom(reader.seqs, start),
    });
    expect(resumed).toMatchObject({ ok: true });
    await waitUntil(() => (contiguousFrom(reader.seqs, start) >= start + acknowledged ? true : null));
    renewed.socket.close();
    expectReconciled('jwt-expiry-mid-socket', {
      sent,
      acknowledged,
      stored: contiguousFrom(reader.seqs, start) - start,
      delivered: [...reader.seqs].filter((s) => s > start).length,
      failed: sent - acknowledged,
    });
  });
});
