import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { ContactPoint, NotificationPolicy, Page } from '@switchyard/contracts';
import { EMPTY } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { apiError } from '../../core/auth/testing/session.factory';
import { LiveService } from '../../live/live.service';
import { NotificationsPage } from './notifications.page';

const at = '2026-11-26T10:00:00.000Z';
const page = <T>(items: T[]): Page<T> => ({
  items,
  page: 1,
  pageSize: 200,
  total: items.length,
  hasMore: false,
  generatedAt: at,
});
const point = (id: string, name: string): ContactPoint =>
  ({ id, name, kind: 'webhook', tenant: null, hasSecret: true, settings: {} }) as unknown as ContactPoint;
const PAGER: NotificationPolicy = {
  id: 'critical-to-pager',
  name: 'Critical to pager',
  tenant: null,
  enabled: true,
  contactPointIds: ['pager', 'ops-hook'],
  match: { severities: ['critical'], labels: { env: 'prod' } },
  groupBy: ['ruleId'],
  groupWaitSeconds: 30,
  repeatIntervalSeconds: 3600,
  createdAt: at,
  updatedAt: at,
};

describe('NotificationsPage: notification policies', () => {
  let fixture: ComponentFixture<NotificationsPage>;
  let http: HttpTestingController;
  const root = () => fixture.nativeElement as HTMLElement;
  const form = () => root().querySelector<HTMLFormElement>('[data-testid="policy-form"]') as HTMLFormElement;
  const field = (id: string) => root().querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement;
  const status = () => root().querySelector('[data-testid="notifications-status"]')?.textContent?.trim();
  const button = (within: Element, name: string) => {
    const found = Array.from(within.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
    if (!found) throw new Error(`no button ${name}`);
    return found;
  };
  const policyRow = () => root().querySelector('[data-testid="policy-actions"] li') as HTMLElement;
  const box = (name: string, value: string) =>
    form().querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`) as HTMLInputElement;

  const loadPolicies = (policies: NotificationPolicy[]) =>
    http.expectOne('/api/v1/notifications/policies?pageSize=200').flush(page(policies));

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LiveService, useValue: { watch: () => EMPTY, state: signal('online') } },
        { provide: AuthService, useValue: { can: () => true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationsPage);
    await fixture.whenStable();
    http
      .expectOne('/api/v1/notifications/contact-points?pageSize=200')
      .flush(page([point('pager', 'Pager'), point('ops-hook', 'Ops hook'), point('slack', 'Slack')]));
    loadPolicies([PAGER]);
    http.expectOne('/api/v1/notifications/deliveries?pageSize=50').flush(page([]));
    await fixture.whenStable();
  });

  afterEach(() => {
    fixture.destroy();
    http.verify();
  });

  it('lists policies with what they route', () => {
    expect(root().textContent).toContain('Critical to pager');
    expect(root().textContent).toContain('severity critical, env=prod');
  });

  it('creates a policy from the form: contact points, severities, modules, labels and grouping', async () => {
    field('np-id').value = 'system-to-slack';
    field('np-name').value = 'System to Slack';
    box('contactPoint', 'slack').checked = true;
    box('severity', 'warning').checked = true;
    box('module', 'system').checked = true;
    field('np-labels').value = 'env=prod';
    field('np-group').value = 'ruleId, source';
    field('np-wait').value = '0';
    button(form(), 'Save policy').click();
    const saved = http.expectOne({ method: 'POST', url: '/api/v1/notifications/policies' });
    expect(saved.request.body).toEqual({
      id: 'system-to-slack',
      name: 'System to Slack',
      tenant: null,
      enabled: true,
      contactPointIds: ['slack'],
      match: { severities: ['warning'], modules: ['system'], labels: { env: 'prod' } },
      groupBy: ['ruleId', 'source'],
      groupWaitSeconds: 0,
      repeatIntervalSeconds: 14_400,
    });
    saved.flush({ ...PAGER, id: 'system-to-slack' });
    loadPolicies([PAGER]);
    await fixture.whenStable();
    expect(status()).toBe('Saved policy system-to-slack');
  });

  it('edits a policy: the form fills in, the id stays fixed, and the change is saved under it', async () => {
    button(policyRow(), 'Edit').click();
    await fixture.whenStable();
    expect(form().querySelector('h3')?.textContent).toContain('Edit policy critical-to-pager');
    expect(field('np-id').value).toBe('critical-to-pager');
    expect(field('np-id').readOnly).toBe(true);
    expect(field('np-labels').value).toBe('env=prod');
    expect(box('contactPoint', 'pager').checked).toBe(true);
    expect(box('contactPoint', 'slack').checked).toBe(false);
    expect(box('severity', 'critical').checked).toBe(true);

    box('contactPoint', 'ops-hook').checked = false;
    field('np-repeat').value = '30';
    button(form(), 'Update policy').click();
    const saved = http.expectOne({ method: 'POST', url: '/api/v1/notifications/policies' });
    expect(saved.request.body).toMatchObject({
      id: 'critical-to-pager',
      contactPointIds: ['pager'],
      match: { severities: ['critical'], labels: { env: 'prod' } },
      repeatIntervalSeconds: 1800,
    });
    saved.flush({ ...PAGER, contactPointIds: ['pager'] });
    loadPolicies([{ ...PAGER, contactPointIds: ['pager'] }]);
    await fixture.whenStable();
    expect(status()).toBe('Updated policy critical-to-pager');
    expect(form().querySelector('h3')?.textContent).toContain('New policy');
  });

  it('shows the API refusal and keeps what was typed; a malformed label never reaches the API', async () => {
    field('np-id').value = 'x';
    field('np-name').value = 'Bad';
    field('np-labels').value = 'env';
    button(form(), 'Save policy').click();
    await fixture.whenStable();
    expect(status()).toBe('Refused: labels: "env" is not name=value');

    field('np-labels').value = '';
    button(form(), 'Save policy').click();
    http.expectOne({ method: 'POST', url: '/api/v1/notifications/policies' }).flush(
      apiError('VALIDATION_FAILED', 'Invalid request', {
        fields: [{ field: 'contactPointIds', message: 'Too small: expected array to have >=1 items' }],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(status()).toContain('Refused:');
    expect(field('np-name').value).toBe('Bad');
  });

  it('sends a test to every contact point of a policy, and deletes it', async () => {
    button(policyRow(), 'Send test').click();
    for (const id of ['pager', 'ops-hook']) {
      http.expectOne({ method: 'POST', url: `/api/v1/notifications/contact-points/${id}/test` }).flush({});
    }
    http.expectOne('/api/v1/notifications/deliveries?pageSize=50').flush(page([]));
    await fixture.whenStable();
    expect(status()).toBe('Test notification queued for 2 contact points of Critical to pager');

    button(policyRow(), 'Delete').click();
    http.expectOne({ method: 'DELETE', url: '/api/v1/notifications/policies/critical-to-pager' }).flush(null);
    loadPolicies([]);
    await fixture.whenStable();
    expect(status()).toBe('Deleted Critical to pager');
    expect(root().textContent).toContain('No policies: alerts are not sent anywhere.');
  });
});
