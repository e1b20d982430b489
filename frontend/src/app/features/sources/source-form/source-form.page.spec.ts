import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { ConnectorDefinition, ConnectorSummary, Credential } from '@switchyard/contracts';
import { EMPTY } from 'rxjs';
import { apiError } from '../../../core/auth/testing/session.factory';
import { LiveService } from '../../../live/live.service';
import { SourceFormPage } from './source-form.page';

const SUMMARIES: ConnectorSummary[] = [
  {
    id: 'simulator-ticketing',
    name: 'Simulator: ticketing (demo)',
    description: 'Incidents and requests.',
    documentationUrl: null,
    builtIn: true,
    version: 1,
    authType: 'bearer',
    streams: [{ name: 'tickets', label: 'Tickets', domain: 'incidents', targets: ['incidents'] }],
  },
  {
    ...({} as ConnectorSummary),
    id: 'my-crm',
    name: 'My CRM',
    builtIn: false,
    version: 3,
    authType: 'api-keys',
    streams: [],
  },
];

const TICKETING: ConnectorDefinition = {
  id: 'simulator-ticketing',
  name: 'Simulator: ticketing (demo)',
  baseUrl: '{{config.baseUrl}}/ticketing',
  config: [{ name: 'baseUrl', label: 'Simulator URL', required: true, description: 'e.g. http://127.0.0.1:4319' }],
  auth: { type: 'bearer' },
  streams: [
    {
      name: 'tickets',
      label: 'Tickets',
      domain: 'incidents',
      request: { path: '/tickets' },
      records: [{ target: 'incidents', selector: 'tickets', primaryKey: 'number', fields: {} }],
    },
  ],
  builtIn: true,
  version: 1,
  createdAt: null,
  updatedAt: null,
};

function credential(id: string, kind: Credential['kind']): Credential {
  return {
    id,
    name: id,
    kind,
    tenant: null,
    clientId: null,
    hasSecret: true,
    fieldNames: [],
    usedBy: [],
    keyId: 'k1',
    createdAt: '2026-11-26T10:00:00.000Z',
    updatedAt: '2026-11-26T10:00:00.000Z',
  };
}

describe('SourceFormPage', () => {
  let fixture: ComponentFixture<SourceFormPage>;
  let http: HttpTestingController;
  const root = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => {
    const element = root().querySelector<T>(`#${id}`);
    if (!element) throw new Error(`no #${id}`);
    return element;
  };
  async function choose(id: string, value: string): Promise<void> {
    const element = field<HTMLInputElement | HTMLSelectElement>(id);
    element.value = value;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: LiveService, useValue: { watch: () => EMPTY, state: signal('online') } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SourceFormPage);
    await fixture.whenStable();
    http.expectOne('/api/v1/connectors').flush({ items: SUMMARIES });
    http
      .expectOne((r) => r.url === '/api/v1/credentials')
      .flush({
        items: [credential('ticketing-token', 'token'), credential('pm-oauth', 'client-credentials')],
        page: 1,
        pageSize: 200,
        total: 2,
      });
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('groups connectors, then shows the chosen one’s auth, stream target, compatible credentials and settings', async () => {
    const groups = Array.from(field<HTMLSelectElement>('source-connector').querySelectorAll('optgroup')).map(
      (g) => g.label,
    );
    expect(groups).toEqual(['Built-in', 'Custom']);
    await choose('source-connector', 'simulator-ticketing');
    http.expectOne('/api/v1/connectors/simulator-ticketing').flush(TICKETING);
    await fixture.whenStable();
    expect(field('source-connector-help').textContent).toContain('auth: bearer');
    expect(field<HTMLSelectElement>('source-stream').value).toBe('tickets');
    expect(root().querySelector('[data-testid="stream-target"]')?.textContent).toContain('incidents');
    const credentials = Array.from(field<HTMLSelectElement>('source-credential').options).map((o) => o.value);
    expect(credentials).toEqual(['', 'ticketing-token']);
    const baseUrl = field<HTMLInputElement>('source-config-baseUrl');
    expect(baseUrl.required).toBe(true);
    expect(root().querySelector('label[for="source-config-baseUrl"]')?.textContent).toContain('(required)');
  });

  it('saves with POST and shows the server’s field errors next to the inputs', async () => {
    await choose('source-connector', 'simulator-ticketing');
    http.expectOne('/api/v1/connectors/simulator-ticketing').flush(TICKETING);
    await fixture.whenStable();
    await choose('source-credential', 'ticketing-token');
    await choose('source-id', 'tickets');
    await choose('source-name', 'Tickets');
    await choose('source-every', '120');
    expect(field<HTMLInputElement>('source-warn').value).toBe('360');
    root().querySelector('form')?.dispatchEvent(new Event('submit'));
    const request = http.expectOne({ method: 'POST', url: '/api/v1/sources' });
    expect(request.request.body).toMatchObject({
      id: 'tickets',
      connector: { id: 'simulator-ticketing', stream: 'tickets', credentialId: 'ticketing-token', config: {} },
      cadence: { type: 'interval', everySeconds: 120 },
      freshness: { warnAfterSeconds: 360, staleAfterSeconds: 1080 },
    });
    request.flush(
      apiError('VALIDATION_FAILED', 'Invalid request', {
        fields: [{ field: 'connector.config.baseUrl', message: 'is required by connector simulator-ticketing' }],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(field('source-config-baseUrl-error').textContent).toContain('is required by connector');
    expect(field('source-config-baseUrl').getAttribute('aria-invalid')).toBe('true');
  });

  it('opens the saved source’s page', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await choose('source-connector', 'simulator-ticketing');
    http.expectOne('/api/v1/connectors/simulator-ticketing').flush(TICKETING);
    await fixture.whenStable();
    root().querySelector('form')?.dispatchEvent(new Event('submit'));
    http.expectOne({ method: 'POST', url: '/api/v1/sources' }).flush({ id: 'tickets' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/sources', 'tickets']);
  });
});
