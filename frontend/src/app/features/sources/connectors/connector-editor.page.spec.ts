import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { EMPTY } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { apiError } from '../../../core/auth/testing/session.factory';
import { LiveService } from '../../../live/live.service';
import { BLANK_CONNECTOR } from './connector-draft';
import { ConnectorEditorPage } from './connector-editor.page';

describe('ConnectorEditorPage', () => {
  let fixture: ComponentFixture<ConnectorEditorPage>;
  let http: HttpTestingController;
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const button = (name: string) => {
    const found = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === name,
    );
    if (!found) throw new Error(`no button ${name}`);
    return found;
  };

  async function open(connectorId?: string): Promise<void> {
    fixture = TestBed.createComponent(ConnectorEditorPage);
    if (connectorId) fixture.componentRef.setInput('connectorId', connectorId);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/v1/credentials').flush({ items: [], page: 1, pageSize: 200, total: 0 });
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: LiveService, useValue: { watch: () => EMPTY, state: signal('online') } },
        { provide: AuthService, useValue: { can: () => true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('starts a new connector from the template and lists validation problems by JSON path', async () => {
    await open();
    await fixture.whenStable();
    const textarea = (fixture.nativeElement as HTMLElement).querySelector('textarea');
    expect(JSON.parse(textarea?.value ?? '')).toEqual(BLANK_CONNECTOR);
    button('Validate').click();
    const request = http.expectOne({ method: 'POST', url: '/api/v1/sources/preview' });
    expect(request.request.body).toEqual({ connector: BLANK_CONNECTOR, source: {} });
    request.flush(
      apiError('VALIDATION_FAILED', 'Invalid request', {
        fields: [
          { field: 'connector.streams.0.records.0.fields.status', message: 'incidents has no field status' },
          { field: 'source.id', message: 'Required' },
        ],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(text()).toContain('streams.0.records.0.fields.status');
    expect(text()).toContain('incidents has no field status');
    expect(text()).not.toContain('source.id');
    expect(text()).toContain('1 problems found.');
  });

  it('says who uses a custom connector it may not delete', async () => {
    await open('my-crm');
    http
      .expectOne('/api/v1/connectors/my-crm')
      .flush({ ...BLANK_CONNECTOR, id: 'my-crm', builtIn: false, version: 2, createdAt: null, updatedAt: null });
    await fixture.whenStable();
    button('Delete connector').click();
    http
      .expectOne({ method: 'DELETE', url: '/api/v1/connectors/my-crm' })
      .flush(apiError('CONFLICT', 'connector my-crm is used by source(s) crm-a-leads'), {
        status: 409,
        statusText: 'Conflict',
      });
    await fixture.whenStable();
    expect(text()).toContain('Not deleted: connector my-crm is used by source(s) crm-a-leads');
  });

  it('shows a built-in read-only, without save or delete', async () => {
    await open('simulator-ticketing');
    http.expectOne('/api/v1/connectors/simulator-ticketing').flush({
      ...BLANK_CONNECTOR,
      id: 'simulator-ticketing',
      builtIn: true,
      version: 1,
      createdAt: null,
      updatedAt: null,
    });
    await fixture.whenStable();
    expect(text()).toContain('Built-in connectors are read-only');
    expect(text()).not.toContain('Save connector');
    expect((fixture.nativeElement as HTMLElement).querySelector('textarea')?.readOnly).toBe(true);
  });
});
