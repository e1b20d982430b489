import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postRaw } from '../../../test/support/native-webhooks';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

const OLD = 'procore-hook-secret-old-0001';
const NEW = 'procore-hook-secret-new-0002';

describe('webhook secrets file (rotation without a restart)', () => {
  let app: TestApp;
  let folder: string;
  let file: string;
  let sequence = 0;
  const deliver = (secret: string) => {
    sequence += 1;
    const body = JSON.stringify({
      ulid: `01ROT${sequence}`,
      resource_name: 'RFIs',
      resource_id: 4,
      event_type: 'create',
    });
    return postRaw(`${app.baseUrl}/webhooks/procore`, body, { authorization: secret });
  };
  // The file is looked at once a second, not per webhook.
  const afterNextCheck = () => new Promise((resolve) => setTimeout(resolve, 1100));

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'switchyard-secrets-'));
    file = join(folder, 'webhook-secrets');
    writeFileSync(file, `procore=${OLD}`);
    app = await startTestApp({ INTEGRATION_WEBHOOK_SECRETS_FILE: file });
  });

  afterAll(async () => {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('accepts a secret added to the file, then refuses the one taken out, with no restart', async () => {
    expect((await deliver(OLD)).status).toBe(202);
    expect((await deliver(NEW)).status).toBe(401);

    writeFileSync(file, `procore=${OLD}|${NEW}`);
    await afterNextCheck();
    expect((await deliver(NEW)).status).toBe(202);
    expect((await deliver(OLD)).status).toBe(202);

    writeFileSync(file, `procore=${NEW}`);
    await afterNextCheck();
    expect((await deliver(OLD)).status).toBe(401);
    expect((await deliver(NEW)).status).toBe(202);
  });

  it('keeps the last good secrets when the file becomes invalid', async () => {
    writeFileSync(file, 'procore');
    await afterNextCheck();
    expect((await deliver(NEW)).status).toBe(202);
    expect(app.logs.some((line) => String(line.msg).includes('webhook secrets file not usable'))).toBe(true);
  });
});
