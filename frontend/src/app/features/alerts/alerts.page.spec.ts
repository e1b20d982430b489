import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { AlertRule, AlertView } from '@switchyard/contracts';
import { EMPTY } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { LiveService } from '../../live/live.service';
import { AlertsPage } from './alerts.page';

const at = '2026-11-26T10:00:00.000Z';
const instance = (id: string, source: string, overrides: Partial<AlertView> = {}): AlertView => ({
  id,
  kind: 'threshold',
  ruleId: 'cpu_usage',
  metric: 'cpu_usage',
  sourceId: source,
  tenant: null,
  labels: { source },
  series: { source, labels: {} },
  module: 'system',
  state: 'firing',
  severity: 'critical',
  value: 97,
  threshold: 85,
  message: `CPU usage (source=${source}): cpu_usage is 97 (critical above 85)`,
  stateSince: at,
  startedAt: at,
  firedAt: at,
  resolvedAt: null,
  lastEvaluatedAt: at,
  acknowledgement: null,
  silencedBy: null,
  ...overrides,
});

describe('AlertsPage: alerts grouped by rule', () => {
  let fixture: ComponentFixture<AlertsPage>;
  let http: HttpTestingController;
  const root = () => fixture.nativeElement as HTMLElement;
  const group = (key: string) => root().querySelector(`tbody[data-alert-group="${key}"]`) as HTMLElement;
  const rows = (key: string) =>
    Array.from(group(key).querySelectorAll('tr[data-alert-id]'), (tr) =>
      tr.querySelector('[data-testid="alert-series"]')?.textContent?.trim(),
    );

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
    fixture = TestBed.createComponent(AlertsPage);
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/v1/ops/alerts')
      .flush({
        items: [
          instance('a1', 'node-hot'),
          instance('a2', 'node-warm', { state: 'pending', severity: 'warning', value: 75 }),
          instance('d1', 'host-1', {
            ruleId: 'disk',
            metric: 'disk',
            series: { source: 'host-1', labels: { mount: '/data' } },
            state: 'no_data',
            severity: null,
          }),
        ],
      });
    http.expectOne('/api/v1/ops/silences').flush({ items: [] });
    http.expectOne('/api/v1/ops/alert-rules').flush({
      items: [
        { id: 'cpu_usage', name: 'CPU usage', metric: 'cpu_usage' },
        { id: 'disk', name: 'Disk usage', metric: 'disk' },
      ] as AlertRule[],
    });
    await fixture.whenStable();
  });

  afterEach(() => {
    fixture.destroy();
    http.verify();
  });

  it('shows one group per rule with its instances counted by state, one row per series', () => {
    expect(group('rule:cpu_usage').querySelector('th')?.textContent).toContain('CPU usage');
    expect(group('rule:cpu_usage').textContent).toContain('2 instances: 1 firing, 1 pending');
    expect(rows('rule:cpu_usage')).toEqual(['node-hot', 'node-warm']);
    expect(group('rule:disk').textContent).toContain('1 instance: 1 no data');
    expect(rows('rule:disk')).toEqual(['host-1 · mount=/data']);
  });

  it('collapses and expands a group', async () => {
    const toggle = group('rule:cpu_usage').querySelector('button') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    toggle.click();
    await fixture.whenStable();
    expect(rows('rule:cpu_usage')).toEqual([]);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(rows('rule:disk')).toHaveLength(1);
    toggle.click();
    await fixture.whenStable();
    expect(rows('rule:cpu_usage')).toHaveLength(2);
  });
});

describe('AlertsPage: revoking a service client from its security alert', () => {
  let fixture: ComponentFixture<AlertsPage>;
  let http: HttpTestingController;
  const root = () => fixture.nativeElement as HTMLElement;
  const security = instance('s1', 'switchyard-auth', {
    kind: 'security',
    ruleId: null,
    metric: null,
    sourceId: null,
    series: null,
    module: 'security',
    labels: { clientId: 'payroll-export', signal: 'new_network' },
    message: 'Service client payroll-export used from a new network 203.0.113.0/24',
  });

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LiveService, useValue: { watch: () => EMPTY, state: signal('online') } },
        { provide: AuthService, useValue: { can: (permission: string) => permission === 'clients.manage' } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AlertsPage);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/v1/ops/alerts').flush({ items: [security, instance('a1', 'node-hot')] });
    http.expectOne('/api/v1/ops/silences').flush({ items: [] });
    http.expectOne('/api/v1/ops/alert-rules').flush({ items: [] });
    await fixture.whenStable();
  });

  afterEach(() => {
    vi.restoreAllMocks();
    fixture.destroy();
    http.verify();
  });

  it('offers Revoke client only on the security alert that names a client, and posts the revocation once confirmed', async () => {
    const buttons = root().querySelectorAll<HTMLButtonElement>('[data-testid="revoke-client"]');
    expect(buttons).toHaveLength(1);
    expect(buttons[0].getAttribute('aria-label')).toBe('Revoke service client payroll-export');
    // Without alerts.manage there is nothing to acknowledge with.
    expect(root().querySelectorAll('button[aria-label^="Acknowledge "]')).toHaveLength(0);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    buttons[0].click();
    const request = http.expectOne('/api/v1/ops/alerts/s1/revoke-client');
    expect(request.request.method).toBe('POST');
    request.flush({ alert: { ...security, state: 'resolved' }, clientId: 'payroll-export' });
    http.expectOne((r) => r.url === '/api/v1/ops/alerts').flush({ items: [] });
    await fixture.whenStable();
    expect(root().querySelector('[data-testid="ack-status"]')?.textContent).toContain('Revoked client payroll-export');
  });

  it('does nothing when the admin cancels the confirmation', () => {
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    root().querySelector<HTMLButtonElement>('[data-testid="revoke-client"]')?.click();
    http.expectNone('/api/v1/ops/alerts/s1/revoke-client');
  });
});
