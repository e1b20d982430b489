import { Injectable } from '@nestjs/common';
import type { NotificationMessage } from '@switchyard/contracts';
import { createTransport } from 'nodemailer';
import { AddressPolicy } from '../../sources';
import type { ContactPointEntity } from '../entities/contact-point.entity';
import { pagerDutyPayload, signedWebhookPayload, slackPayload, teamsPayload, type HttpSend } from './http-payloads';

const SEND_TIMEOUT_MS = 10_000;

/** Sends one message to one contact point; throws an Error whose message is the delivery log's last error. */
@Injectable()
export class NotificationSender {
  /** Receivers are checked like upstreams, by the same policy: no private addresses unless allow-listed. */
  constructor(private readonly addresses: AddressPolicy) {}

  async send(point: ContactPointEntity, secret: string | null, message: NotificationMessage): Promise<void> {
    const { settings } = point;
    switch (point.kind) {
      case 'slack':
        return this.post(slackPayload(required(secret, 'webhook URL'), message));
      case 'teams':
        return this.post(teamsPayload(required(secret, 'webhook URL'), message));
      case 'pagerduty':
        return this.post(pagerDutyPayload(required(secret, 'routing key'), message, settings.url));
      case 'webhook':
        // The wall clock, not the app's Clock: receivers check the signed timestamp against theirs.
        return this.post(
          signedWebhookPayload(required(settings.url, 'url'), required(secret, 'signing secret'), message, new Date()),
        );
      case 'email':
        return this.mail(point, secret, message);
    }
  }

  private async post(send: HttpSend): Promise<void> {
    const verdict = await this.addresses.check(send.url);
    if (!verdict.allowed) throw new Error(`receiver refused by the address policy: ${verdict.reason}`);
    let response: Response;
    try {
      response = await fetch(send.url, {
        method: 'POST',
        headers: send.headers,
        body: send.body,
        redirect: 'error',
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
    } catch (error) {
      throw new Error(`receiver could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    await response.body?.cancel().catch(() => undefined);
    if (!response.ok) throw new Error(`receiver answered HTTP ${response.status}`);
  }

  private async mail(point: ContactPointEntity, password: string | null, message: NotificationMessage): Promise<void> {
    const { smtpHost, smtpPort, smtpSecure, smtpUser, from, to } = point.settings;
    const host = required(smtpHost, 'smtpHost');
    const port = smtpPort ?? 587;
    const verdict = await this.addresses.check(`smtp://${host}:${port}`);
    if (!verdict.allowed) throw new Error(`SMTP server refused by the address policy: ${verdict.reason}`);
    const transport = createTransport({
      host,
      port,
      secure: smtpSecure ?? false,
      auth: smtpUser ? { user: smtpUser, pass: password ?? '' } : undefined,
      connectionTimeout: SEND_TIMEOUT_MS,
      greetingTimeout: SEND_TIMEOUT_MS,
      socketTimeout: SEND_TIMEOUT_MS,
    });
    try {
      await transport.sendMail({
        from: required(from, 'from'),
        to: required(to, 'to').join(', '),
        subject: message.title,
        text: message.text,
      });
    } catch (error) {
      throw new Error(`SMTP send failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      transport.close();
    }
  }
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`contact point has no ${what}`);
  return value;
}
