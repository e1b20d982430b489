import { HttpBackend, HttpClient } from '@angular/common/http';
import { Injectable, inject, type ErrorHandler } from '@angular/core';
import type { ClientErrorReport } from '@switchyard/contracts';

/**
 * Logs uncaught errors and reports them to the backend log, where on-call looks.
 * It uses the bare HttpBackend so a failing report cannot trigger another report.
 */
@Injectable()
export class ReportingErrorHandler implements ErrorHandler {
  private readonly http = new HttpClient(inject(HttpBackend));
  private sentThisMinute = 0;

  constructor() {
    setInterval(() => (this.sentThisMinute = 0), 60_000);
  }

  handleError(error: unknown): void {
    console.error(error);
    if (this.sentThisMinute >= 10) return;
    this.sentThisMinute += 1;
    const report: ClientErrorReport = {
      level: 'error',
      message: (error instanceof Error ? error.message : String(error)).slice(0, 2000) || 'Unknown error',
      url: location.pathname.slice(0, 2000),
      stack: error instanceof Error ? error.stack?.slice(0, 8_000) : undefined,
    };
    this.http.post('/api/v1/system/client-errors', report).subscribe({ error: () => undefined });
  }
}
