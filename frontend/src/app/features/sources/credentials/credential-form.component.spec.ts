import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { Credential } from '@switchyard/contracts';
import { apiError } from '../../../core/auth/testing/session.factory';
import { CredentialFormComponent, toCredentialInput } from './credential-form.component';

const STORED: Credential = {
  id: 'crm-acme',
  name: 'CRM key',
  kind: 'oauth2-refresh-token',
  tenant: 'acme',
  clientId: 'switchyard',
  hasSecret: true,
  fieldNames: ['refreshToken'],
  usedBy: ['crm-acme-leads'],
  keyId: 'k1',
  createdAt: '2026-11-26T10:00:00.000Z',
  updatedAt: '2026-11-26T10:00:00.000Z',
};

function input(fixture: ComponentFixture<CredentialFormComponent>, id: string): HTMLInputElement {
  const element = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(`#${id}`);
  if (!element) throw new Error(`no #${id}`);
  return element;
}

async function type(fixture: ComponentFixture<CredentialFormComponent>, id: string, value: string): Promise<void> {
  const element = input(fixture, id);
  element.value = value;
  element.dispatchEvent(new Event(element.tagName === 'SELECT' ? 'change' : 'input'));
  await fixture.whenStable();
}

function submit(fixture: ComponentFixture<CredentialFormComponent>): void {
  (fixture.nativeElement as HTMLElement).querySelector('form')?.dispatchEvent(new Event('submit'));
}

describe('CredentialFormComponent', () => {
  let fixture: ComponentFixture<CredentialFormComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CredentialFormComponent);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('creates with a write-only secret that is cleared once saved', async () => {
    const saved: Credential[] = [];
    fixture.componentRef.instance.saved.subscribe((c) => saved.push(c));
    await type(fixture, 'credential-id', 'ticketing');
    await type(fixture, 'credential-name', 'Ticketing token');
    await type(fixture, 'credential-secret', 'tok-123');
    expect(input(fixture, 'credential-secret').type).toBe('password');
    submit(fixture);
    const request = http.expectOne({ method: 'POST', url: '/api/v1/credentials' });
    expect(request.request.body).toEqual({
      id: 'ticketing',
      name: 'Ticketing token',
      kind: 'token',
      tenant: null,
      clientId: null,
      secret: 'tok-123',
    });
    request.flush({ ...STORED, id: 'ticketing', kind: 'token' });
    await fixture.whenStable();
    expect(saved.map((c) => c.id)).toEqual(['ticketing']);
    expect(input(fixture, 'credential-secret').value).toBe('');
  });

  it('rotates by PUT, asks again for the named secrets without showing them, and shows field errors', async () => {
    fixture.componentRef.setInput('rotating', STORED);
    await fixture.whenStable();
    const prefix = 'rotate-crm-acme';
    expect(input(fixture, `${prefix}-field-name-0`).value).toBe('refreshToken');
    expect(input(fixture, `${prefix}-field-value-0`).value).toBe('');
    expect(input(fixture, `${prefix}-field-value-0`).type).toBe('password');
    expect(input(fixture, `${prefix}-secret`).value).toBe('');
    await type(fixture, `${prefix}-secret`, 'new-secret');
    submit(fixture);
    const request = http.expectOne({ method: 'PUT', url: '/api/v1/credentials/crm-acme' });
    expect(request.request.body).toMatchObject({ id: 'crm-acme', secret: 'new-secret', fields: { refreshToken: '' } });
    request.flush(
      apiError('VALIDATION_FAILED', 'Invalid request', {
        fields: [{ field: 'fields.refreshToken', message: 'fields.refreshToken: too short' }],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toContain('fields.refreshToken: too short');
    expect(input(fixture, `${prefix}-field-value-0`).getAttribute('aria-invalid')).toBe('true');
  });

  it('leaves out named secrets without a name', () => {
    const body = toCredentialInput({ id: ' a ', name: 'A', kind: 'token', tenant: '', clientId: '' }, 's', [
      { name: '', value: 'x' },
      { name: 'webKey', value: 'k' },
    ]);
    expect(body).toEqual({
      id: 'a',
      name: 'A',
      kind: 'token',
      tenant: null,
      clientId: null,
      secret: 's',
      fields: { webKey: 'k' },
    });
  });
});
