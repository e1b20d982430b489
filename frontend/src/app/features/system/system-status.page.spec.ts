import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { BackendInstance, Page, SystemStatus } from '@switchyard/contracts';
import { SystemStatusPage } from './system-status.page';

const STATUS: SystemStatus = {
  readiness: 'ready',
  version: '0.1.0',
  nodeVersion: 'v20.20.2',
  environment: 'test',
  startedAt: '2026-11-26T10:00:00.000Z',
  uptimeSeconds: 125,
  instanceId: 'i-1',
  database: { kind: 'pglite', serverVersion: 'PostgreSQL 18.6', reachable: true, latencyMs: 0.4, migrationsApplied: 1 },
  generatedAt: '2026-11-26T10:02:05.000Z',
};

const INSTANCES: Page<BackendInstance> = {
  items: [
    {
      id: 'i-1',
      hostname: 'replica-a',
      pid: 7,
      version: '0.1.0',
      startedAt: STATUS.startedAt,
      lastSeenAt: STATUS.generatedAt,
      stoppedAt: null,
      state: 'running',
    },
  ],
  page: 1,
  pageSize: 50,
  total: 1,
  hasMore: false,
  generatedAt: STATUS.generatedAt,
};

function text(fixture: ComponentFixture<SystemStatusPage>, testId: string): string | undefined {
  const element = (fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${testId}"]`);
  return element?.textContent?.trim();
}

describe('SystemStatusPage', () => {
  let fixture: ComponentFixture<SystemStatusPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SystemStatusPage);
  });

  afterEach(() => {
    fixture.destroy();
    http.verify();
  });

  it('shows a loading state, then readiness, version, database kind and instances', async () => {
    await fixture.whenStable();
    expect(text(fixture, 'loading')).toContain('Asking the API');
    http.expectOne('/api/v1/system/status').flush(STATUS);
    http.expectOne((request) => request.url === '/api/v1/system/instances').flush(INSTANCES);
    await fixture.whenStable();
    expect(text(fixture, 'readiness')).toBe('Ready');
    expect(text(fixture, 'version')).toBe('0.1.0');
    expect(text(fixture, 'database-kind')).toBe('Embedded PGlite');
    expect(text(fixture, 'uptime')).toBe('2 min');
    expect(text(fixture, 'instances')).toContain('replica-a');
    expect(text(fixture, 'loading')).toBeUndefined();
  });

  it('shows the API error message and its trace id', async () => {
    await fixture.whenStable();
    http.expectOne('/api/v1/system/status').flush(
      {
        error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side.', traceId: 'trace-9' },
        generatedAt: STATUS.generatedAt,
      },
      { status: 500, statusText: 'Internal Server Error' },
    );
    // forkJoin drops the sibling request once one fails.
    expect(http.expectOne((request) => request.url === '/api/v1/system/instances').cancelled).toBe(true);
    await fixture.whenStable();
    expect(text(fixture, 'error')).toContain('Something went wrong on our side.');
    expect(text(fixture, 'error')).toContain('trace-9');
    expect(text(fixture, 'readiness')).toBeUndefined();
  });

  it('says not ready when the database is down', async () => {
    await fixture.whenStable();
    http.expectOne('/api/v1/system/status').flush({
      ...STATUS,
      readiness: 'not_ready',
      database: {
        ...STATUS.database,
        kind: 'postgres',
        reachable: false,
        latencyMs: null,
        reason: 'database did not answer',
      },
    });
    http.expectOne((request) => request.url === '/api/v1/system/instances').flush(INSTANCES);
    await fixture.whenStable();
    expect(text(fixture, 'readiness')).toBe('Not ready');
    expect(text(fixture, 'database-kind')).toBe('PostgreSQL server');
  });
});
