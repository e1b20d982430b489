import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ContactPoint,
  ContactPointInput,
  NotificationDelivery,
  NotificationPolicy,
  NotificationPolicyInput,
  Page,
} from '@switchyard/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/notifications';

/** Data access for notifications: contact points, policies, test sends and the delivery log. */
@Injectable({ providedIn: 'root' })
export class NotificationsApiService {
  private readonly http = inject(HttpClient);

  contactPoints(): Observable<Page<ContactPoint>> {
    return this.http.get<Page<ContactPoint>>(`${BASE}/contact-points?pageSize=200`);
  }

  saveContactPoint(input: ContactPointInput): Observable<ContactPoint> {
    return this.http.post<ContactPoint>(`${BASE}/contact-points`, input);
  }

  deleteContactPoint(id: string): Observable<unknown> {
    return this.http.delete(`${BASE}/contact-points/${encodeURIComponent(id)}`);
  }

  sendTest(id: string): Observable<NotificationDelivery> {
    return this.http.post<NotificationDelivery>(`${BASE}/contact-points/${encodeURIComponent(id)}/test`, {});
  }

  deliveries(): Observable<Page<NotificationDelivery>> {
    return this.http.get<Page<NotificationDelivery>>(`${BASE}/deliveries?pageSize=50`);
  }

  policies(): Observable<Page<NotificationPolicy>> {
    return this.http.get<Page<NotificationPolicy>>(`${BASE}/policies?pageSize=200`);
  }

  savePolicy(input: NotificationPolicyInput): Observable<NotificationPolicy> {
    return this.http.post<NotificationPolicy>(`${BASE}/policies`, input);
  }

  deletePolicy(id: string): Observable<unknown> {
    return this.http.delete(`${BASE}/policies/${encodeURIComponent(id)}`);
  }
}
