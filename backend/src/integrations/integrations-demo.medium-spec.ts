import type { IntegrationList } from '@switchyard/contracts';
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

  it('receives the simulator’s integration webhooks on its own port', async () => {
    const headers = await app.adminHeaders();
    let list: IntegrationList | null = null;
    for (let attempt = 0; attempt < 60; attempt += 1) {
      list = (await (await fetch(`${app.baseUrl}/api/v1/integrations`, { headers })).json()) as IntegrationList;
      // Five events are the ones the test above sent itself.
      if (list.items.reduce((n, i) => n + i.events24h, 0) > 5) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(list?.items.reduce((n, i) => n + i.events24h, 0)).toBeGreaterThan(5);
  });
});
