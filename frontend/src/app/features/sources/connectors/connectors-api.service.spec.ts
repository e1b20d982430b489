import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { SourcesApiService } from '../../../shared/sources-api.service';
import { CredentialsApiService } from '../credentials/credentials-api.service';
import { ConnectorsApiService } from './connectors-api.service';

describe('sources feature data access', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('connectors: lists the items, reads one, and writes custom ones by id', async () => {
    const api = TestBed.inject(ConnectorsApiService);
    const list = firstValueFrom(api.list());
    http.expectOne({ method: 'GET', url: '/api/v1/connectors' }).flush({ items: [{ id: 'a' }] });
    expect(await list).toEqual([{ id: 'a' }]);

    api.get('my connector').subscribe();
    http.expectOne({ method: 'GET', url: '/api/v1/connectors/my%20connector' }).flush({});
    api.create({ id: 'x' }).subscribe();
    expect(http.expectOne({ method: 'POST', url: '/api/v1/connectors' }).request.body).toEqual({ id: 'x' });
    api.replace('x', { id: 'x' }).subscribe();
    http.expectOne({ method: 'PUT', url: '/api/v1/connectors/x' }).flush({});
    api.delete('x').subscribe();
    http.expectOne({ method: 'DELETE', url: '/api/v1/connectors/x' }).flush(null);
  });

  it('credentials: a page of them; create is POST, rotate is PUT by id', () => {
    const api = TestBed.inject(CredentialsApiService);
    api.list().subscribe();
    const list = http.expectOne((r) => r.url === '/api/v1/credentials');
    expect(list.request.params.get('pageSize')).toBe('200');
    list.flush({ items: [], page: 1, pageSize: 200, total: 0 });
    const input = { id: 'tok', name: 'Token', kind: 'token' as const, secret: 's3cret' };
    api.create(input).subscribe();
    expect(http.expectOne({ method: 'POST', url: '/api/v1/credentials' }).request.body).toEqual(input);
    api.rotate(input).subscribe();
    expect(http.expectOne({ method: 'PUT', url: '/api/v1/credentials/tok' }).request.body).toEqual(input);
    api.delete('tok').subscribe();
    http.expectOne({ method: 'DELETE', url: '/api/v1/credentials/tok' }).flush(null);
  });

  it('sources: create, replace, and the draft test and preview', () => {
    const api = TestBed.inject(SourcesApiService);
    const source = {
      id: 's1',
      name: 'S',
      kind: 'http-pull' as const,
      connector: { id: 'c', stream: 'x' },
      cadence: { type: 'interval' as const, everySeconds: 60 },
      freshness: { warnAfterSeconds: 180, staleAfterSeconds: 540 },
    };
    api.create(source).subscribe();
    http.expectOne({ method: 'POST', url: '/api/v1/sources' }).flush({});
    api.replace('s1', source).subscribe();
    http.expectOne({ method: 'PUT', url: '/api/v1/sources/s1' }).flush({});
    api.test({ source }).subscribe();
    expect(http.expectOne({ method: 'POST', url: '/api/v1/sources/test' }).request.body).toEqual({ source });
    api.preview({ source, limit: 5 }).subscribe();
    expect(http.expectOne({ method: 'POST', url: '/api/v1/sources/preview' }).request.body).toEqual({
      source,
      limit: 5,
    });
  });
});
