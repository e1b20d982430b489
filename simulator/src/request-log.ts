import { type RequestLogEntry, type VendorId } from './types';

const CAPACITY = 5000;

/** The last 5,000 vendor requests, oldest first. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  record(entry: RequestLogEntry): RequestLogEntry {
    this.entries.push(entry);
    if (this.entries.length > CAPACITY) this.entries.splice(0, this.entries.length - CAPACITY);
    return entry;
  }

  query(filter: { vendor?: VendorId; since?: number } = {}): RequestLogEntry[] {
    return this.entries
      .filter((e) => filter.vendor === undefined || e.vendor === filter.vendor)
      .filter((e) => filter.since === undefined || Date.parse(e.at) >= filter.since)
      .map((e) => ({ ...e }));
  }

  clear(): number {
    const cleared = this.entries.length;
    this.entries = [];
    return cleared;
  }
}
