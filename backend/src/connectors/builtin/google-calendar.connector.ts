import type { ConnectorDefinitionInput } from '@switchyard/contracts';

/** Both ends of an event: `dateTime` (wall clock in its zone) or, for an all-day event, `date`. */
const wallClock = (end: 'start' | 'end') => ({
  coalesce: [`${end}.dateTime`, `${end}.date`],
  transforms: [
    {
      type: 'local-date-time' as const,
      timeZone: 'UTC',
      timeZoneFrom: [...new Set([`${end}.timeZone`, 'start.timeZone', '$page.timeZone'])],
    },
  ],
});

/**
 * Google Calendar API v3, one calendar read with a service account (docs/connectors/google-calendar.md).
 * Recurring events arrive as their master with its RRULE (`singleEvents=false`); Switchyard
 * expands occurrences itself in the event's zone (backend/src/workplace/event-expansion.ts).
 */
export const googleCalendar: ConnectorDefinitionInput = {
  id: 'google-calendar',
  name: 'Google Calendar',
  description:
    'Events of one Google calendar (Calendar API v3) read by a service account: sync tokens, RRULE masters, IANA zones.',
  documentationUrl: 'https://developers.google.com/calendar/api/v3/reference/events/list',
  baseUrl: '{{config.baseUrl}}/calendar/v3',
  config: [
    {
      name: 'baseUrl',
      label: 'API base URL',
      required: true,
      default: 'https://www.googleapis.com',
      description: 'https://www.googleapis.com; the simulator: <simulator>/google',
    },
    {
      name: 'calendarId',
      label: 'Calendar id',
      required: true,
      description: 'e.g. workplace@example.com, shared with the service account’s client_email',
    },
    { name: 'maxResults', label: 'Events per page', default: '250', description: 'at most 2500' },
    {
      name: 'tokenUrl',
      label: 'Token URL',
      description:
        'empty: the key’s token_uri (https://oauth2.googleapis.com/token); the simulator: <simulator>/google/token',
    },
  ],
  auth: {
    type: 'jwt-bearer',
    tokenUrl: '{{config.tokenUrl}}',
    scope: 'https://www.googleapis.com/auth/calendar.readonly',
  },
  streams: [
    {
      name: 'events',
      label: 'Events',
      description:
        'Single events and recurring masters; cancelled items (deletions, cancelled occurrences) are left out.',
      domain: 'events',
      request: {
        path: '/calendars/{{config.calendarId|urlencode}}/events',
        query: { singleEvents: 'false', maxResults: '{{config.maxResults|default:250}}' },
      },
      pagination: { type: 'cursor', cursorParam: 'pageToken', cursorPath: 'nextPageToken', maxPages: 200 },
      incremental: { type: 'sync-token', tokenPath: 'nextSyncToken', param: 'syncToken', expiredStatuses: [410] },
      volatileFields: ['etag', 'updated'],
      records: [
        {
          target: 'events',
          selector: 'items',
          // Cancelled items carry little more than an id (no title, no times): a deleted event
          // leaves at the next full sync, a cancelled occurrence of a series has no column yet.
          filter: { path: 'status', in: ['confirmed', 'tentative'] },
          primaryKey: 'id',
          updatedAt: 'updated',
          fields: {
            title: { path: 'summary', default: '(no title)' },
            location: 'location',
            timeZone: { coalesce: ['start.timeZone', '$page.timeZone'] },
            localStart: wallClock('start'),
            localEnd: wallClock('end'),
            // ["RRULE:FREQ=WEEKLY;BYDAY=MO", …] → the RRULE line without its prefix.
            rrule: { path: 'recurrence', transforms: [{ type: 'strip-prefix', prefix: 'RRULE:' }] },
            organizer: 'organizer.email',
            cancelled: { path: 'status', transforms: [{ type: 'enum', map: { cancelled: true }, default: false }] },
          },
        },
      ],
    },
  ],
};
