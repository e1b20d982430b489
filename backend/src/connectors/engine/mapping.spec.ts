import type { RecordMapping } from '@switchyard/contracts';
import { connectorDefinitionSchema } from '../definition/connector.schema';
import { StreamMapper } from './mapping';

const employees = {
  employees: [
    { id: '1', division: 'Engineering', department: 'Platform', workEmail: 'ada@x.example', supervisor: null },
    { id: '2', division: 'Engineering', department: 'Platform', workEmail: 'bo@x.example', supervisor: 'Ada' },
    { id: '3', division: 'Engineering', department: 'Data', workEmail: 'cy@x.example', supervisor: null },
    { id: '4', division: 'Sales', department: 'EMEA', workEmail: 'di@x.example', supervisor: null },
    { id: '5', division: null, department: null, workEmail: 'ed@x.example', supervisor: null },
  ],
};

const departments: RecordMapping = {
  target: 'departments',
  selector: 'employees',
  groupBy: 'division',
  primaryKey: 'division',
  fields: {
    name: 'division',
    headcount: { aggregate: 'count' },
    openRoles: { const: 0 },
  },
};

const values = (mapper: StreamMapper, payload: unknown, target: 'departments' | 'teams' | 'incidents') => {
  const page = mapper.mapPage(payload, {});
  expect(page.errors).toEqual([]);
  return (page.rows.get(target) ?? []).map((row): Record<string, unknown> => ({ id: row.externalId, ...row.values }));
};

describe('record mapping groupBy and aggregates', () => {
  it('makes one row per group key, in first-seen order, leaving out records without a key', () => {
    expect(values(new StreamMapper({ records: [departments] }), employees, 'departments')).toEqual([
      { id: 'Engineering', name: 'Engineering', headcount: 3, openRoles: 0 },
      { id: 'Sales', name: 'Sales', headcount: 1, openRoles: 0 },
    ]);
  });

  it('counts, filters, takes the first value and reads the group’s first record for plain fields', () => {
    const teams: RecordMapping = {
      target: 'teams',
      selector: 'employees',
      groupBy: { template: '{{record.department}}' },
      primaryKey: 'department',
      fields: {
        departmentId: 'division',
        name: 'department',
        managerEmail: { aggregate: 'first', path: 'workEmail', filter: { path: 'supervisor', equals: '' } },
        headcount: { aggregate: 'count' },
        openRoles: { aggregate: 'count', filter: { path: 'supervisor', in: ['Ada', 'Nobody'] } },
      },
    };
    const rows = values(new StreamMapper({ records: [teams] }), employees, 'teams');
    expect(
      rows.map(({ id, departmentId, managerEmail, headcount, openRoles }) => ({
        id,
        departmentId,
        managerEmail,
        headcount,
        openRoles,
      })),
    ).toEqual([
      { id: 'Platform', departmentId: 'Engineering', managerEmail: 'ada@x.example', headcount: 2, openRoles: 1 },
      { id: 'Data', departmentId: 'Engineering', managerEmail: 'cy@x.example', headcount: 1, openRoles: 0 },
      { id: 'EMEA', departmentId: 'Sales', managerEmail: 'di@x.example', headcount: 1, openRoles: 0 },
    ]);
  });

  it('sums, counts distinct values and takes the newest instant of a group', () => {
    const mapper = new StreamMapper({
      records: [
        {
          target: 'departments',
          selector: 'items',
          groupBy: 'dept',
          primaryKey: 'dept',
          updatedAt: { aggregate: 'max', path: 'changed' },
          fields: {
            name: { aggregate: 'first', path: 'label' },
            headcount: { aggregate: 'sum', path: 'people' },
            openRoles: { aggregate: 'count-distinct', path: 'role' },
          },
        },
      ],
    });
    const page = mapper.mapPage(
      {
        items: [
          { dept: 'd1', label: null, people: 2, role: 'dev', changed: '2026-05-01T10:00:00Z' },
          { dept: 'd1', label: 'One', people: '3', role: 'dev', changed: '2026-05-03T10:00:00+0000' },
          { dept: 'd1', label: 'Uno', people: 1, role: 'ops', changed: '2026-05-02T10:00:00Z' },
        ],
      },
      {},
    );
    expect(page.errors).toEqual([]);
    const [row] = page.rows.get('departments') ?? [];
    expect(row.values).toEqual({ name: 'One', headcount: 6, openRoles: 2 });
    expect(row.sourceUpdatedAt?.toISOString()).toBe('2026-05-03T10:00:00.000Z');
  });

  it('maps only the records a record filter lets through, without errors for the others', () => {
    const mapper = new StreamMapper({
      records: [
        {
          target: 'incidents',
          selector: 'issues',
          filter: { path: 'fields.issuetype.name', equals: 'Epic' },
          primaryKey: 'key',
          fields: {
            kind: { const: 'incident' },
            title: 'fields.summary',
            severity: { const: 'low' },
            state: { const: 'new' },
            reportedAt: 'fields.created',
          },
        },
      ],
    });
    const payload = {
      issues: [
        { key: 'A-1', fields: { issuetype: { name: 'Epic' }, summary: 'Epic', created: '2026-05-01T00:00:00Z' } },
        { key: 'A-2', fields: { issuetype: { name: 'Story' } } },
      ],
    };
    expect(values(mapper, payload, 'incidents').map((row) => row.id)).toEqual(['A-1']);
  });

  it('is validated: aggregates need groupBy, filters need an aggregate, sum needs a path', () => {
    const connector = (records: RecordMapping[]) => ({
      id: 'grouped',
      name: 'Grouped',
      baseUrl: 'https://example.com',
      auth: { type: 'none' },
      streams: [{ name: 'people', domain: 'people', request: { path: '/' }, records }],
    });
    const issues = (records: RecordMapping[]) => {
      const parsed = connectorDefinitionSchema.safeParse(connector(records));
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues([departments])).toEqual([]);
    const { groupBy: _none, ...ungrouped } = departments;
    expect(issues([ungrouped])).toEqual([
      'streams.0.records.0.fields.headcount: an aggregate needs the record mapping’s groupBy',
    ]);
    const broken = issues([
      {
        ...departments,
        fields: {
          ...departments.fields,
          name: { path: 'division', filter: { path: 'x', equals: 'y' } },
          headcount: { aggregate: 'sum' },
        },
      },
    ]);
    expect(broken.join('\n')).toContain('filter needs an aggregate');
    expect(broken.join('\n')).toContain('this aggregate needs a path');
  });

  it('reads the page ($page), the first of several paths (coalesce), a zone from the record and an RRULE line', () => {
    const mapper = new StreamMapper({
      records: [
        {
          target: 'events',
          selector: 'items',
          primaryKey: 'id',
          fields: {
            title: 'summary',
            timeZone: { coalesce: ['start.timeZone', '$page.timeZone'] },
            localStart: {
              coalesce: ['start.dateTime', 'start.date'],
              transforms: [
                { type: 'local-date-time', timeZone: 'UTC', timeZoneFrom: ['start.timeZone', '$page.timeZone'] },
              ],
            },
            localEnd: {
              coalesce: ['end.dateTime', 'end.date'],
              transforms: [
                { type: 'local-date-time', timeZone: 'UTC', timeZoneFrom: ['end.timeZone', '$page.timeZone'] },
              ],
            },
            rrule: { path: 'recurrence', transforms: [{ type: 'strip-prefix', prefix: 'RRULE:' }] },
          },
        },
      ],
    });
    const page = mapper.mapPage(
      {
        timeZone: 'America/Chicago',
        items: [
          {
            id: 'a',
            summary: 'Standup',
            start: { dateTime: '2026-05-14T09:00:00-04:00', timeZone: 'America/New_York' },
            end: { dateTime: '2026-05-14T14:30:00Z' },
            recurrence: ['EXDATE:20260520T090000', 'RRULE:FREQ=WEEKLY;BYDAY=TH'],
          },
          { id: 'b', summary: 'Offsite', start: { date: '2026-05-15' }, end: { date: '2026-05-16' } },
        ],
      },
      {},
    );
    expect(page.errors).toEqual([]);
    expect(page.rows.get('events')?.map((row) => row.values)).toEqual([
      expect.objectContaining({
        timeZone: 'America/New_York',
        localStart: '2026-05-14T09:00:00',
        localEnd: '2026-05-14T09:30:00',
        rrule: 'FREQ=WEEKLY;BYDAY=TH',
      }),
      expect.objectContaining({
        timeZone: 'America/Chicago',
        localStart: '2026-05-15T00:00:00',
        localEnd: '2026-05-16T00:00:00',
        rrule: null,
      }),
    ]);
  });
});
