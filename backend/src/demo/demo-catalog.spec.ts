import * as simulator from '@switchyard/simulator';
import { demoSources, retiredDemoSources } from './demo-catalog';

const BRANDS = ['acme-fitness', 'bright-smiles'];
const via = (id: string, connector: string) => ({ id, connector: { id: connector } });

describe('the demo catalog', () => {
  const sources = demoSources('http://127.0.0.1:4319', BRANDS, simulator, ['EM', 'WA']);

  it('feeds every domain through the real vendors’ connectors, risks and financials through the demo PPM', () => {
    const byConnector = new Map<string, string[]>();
    for (const source of sources) {
      byConnector.set(source.connector.id, [...(byConnector.get(source.connector.id) ?? []), source.id]);
    }
    expect(Object.fromEntries(byConnector)).toEqual({
      jira: ['jira-projects'],
      'simulator-pm': ['pm-risks', 'pm-financials'],
      bamboohr: ['bamboohr-people'],
      'google-calendar': ['google-calendar-events'],
      servicenow: ['servicenow-incidents'],
      prometheus: ['prometheus-metrics'],
      clienttether: BRANDS.flatMap((brand) =>
        ['leads', 'pipeline', 'hot-list', 'notes', 'schedule'].map((feed) => `crm-${brand}-${feed}`),
      ),
    });
    expect(sources.find((s) => s.id === 'jira-projects')?.connector.config).toMatchObject({ projectKeys: 'EM, WA' });
  });

  it('retires the sources an earlier demo defined on the simulator’s dialects, and nothing else', () => {
    const existing = [
      via('pm-projects', 'simulator-pm'),
      via('pm-risks', 'simulator-pm'),
      via('pm-financials', 'simulator-pm'),
      via('hris-people', 'simulator-hris'),
      via('calendar-events', 'simulator-calendar'),
      via('ticketing-incidents', 'simulator-ticketing'),
      via('metrics-system', 'simulator-metrics'),
      via('crm-acme-fitness-leads', 'simulator-crm'),
      // Already moved, or the operator's own: kept.
      via('crm-bright-smiles-leads', 'clienttether'),
      via('hris-people-copy', 'simulator-hris'),
      via('metrics-system', 'my-metrics'),
    ];
    expect(retiredDemoSources(existing)).toEqual([
      'pm-projects',
      'hris-people',
      'calendar-events',
      'ticketing-incidents',
      'metrics-system',
      'crm-acme-fitness-leads',
    ]);
    expect(retiredDemoSources(sources.map((s) => ({ id: s.id, connector: s.connector })))).toEqual([]);
  });
});
