import type { IntegrationList } from '@switchyard/contracts';
import { startIntegrationEventSender } from '@switchyard/simulator';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { postSignedWebhook } from '../../test/support/webhook-signer';
import { DemoService } from '../demo';
import { DEMO_WEBHOOK_SECRET } from './intake/webhook-secrets.service';

describe('integration webhooks in demo mode', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ DEMO_MODE: 'true', SIMULATOR_PORT: '0', SYNC_ENABLED: 'false' });
  });

  afterAll(() => app.close());

  it('accepts the documented demo secret on every integration and prints it in the banner', async () => {
    for (const integration of ['procore', 'gusto', 'quickbooks', 'stripe_issuing', 'lcptracker']) {
      const answer = await postSignedWebhook(`${app.baseUrl}/webhooks/${integration}`, {
        id: `msg_demo_${integration}`,
        secret: DEMO_WEBHOOK_SECRET,
        body: { type: 'demo.check' },
      });
      expect(answer.status).toBe(202);
    }
    expect(app.app.get(DemoService).banner(app.baseUrl)).toContain(DEMO_WEBHOOK_SECRET);
  });

  it('receives the demo sender’s native webhooks for every integration', async () => {
    const headers = await app.adminHeaders();
    const dataSource = app.app.get(DataSource);
    const formats = async () =>
      dataSource.query<Array<{ integration: string; sender: string | null }>>(
        `SELECT DISTINCT integration, payload->>'sender' AS sender FROM integration_events
         WHERE webhook_id NOT LIKE 'msg_demo_%'`,
      );
    const natives = ['stripe', 'gusto', 'quickbooks', 'procore'];
    // The demo's own sender, driven faster than its steady rate (same code, same secret).
    const sender = startIntegrationEventSender(
      { targetUrl: `${app.baseUrl}/webhooks`, secret: DEMO_WEBHOOK_SECRET, seed: 11 },
      false,
    );
    let seen: Array<{ integration: string; sender: string | null }> = [];
    for (let attempt = 0; attempt < 60; attempt += 1) {
      for (let i = 0; i < 5; i += 1) expect(await sender.sendOne()).toBe(202);
      seen = await formats();
      const integrations = new Set(seen.map((row) => row.integration));
      if (integrations.size === 5 && natives.every((n) => seen.some((row) => row.sender === n))) break;
    }
    await sender.stop();
    expect(new Set(seen.map((row) => row.integration))).toEqual(
      new Set(['procore', 'gusto', 'quickbooks', 'stripe_issuing', 'lcptracker']),
    );
    for (const sender of natives) expect(seen.map((row) => row.sender)).toContain(sender);
    const list = (await (await fetch(`${app.baseUrl}/api/v1/integrations`, { headers })).json()) as IntegrationList;
    expect(list.items.every((item) => item.events24h > 0)).toBe(true);
  });
});
