import type { NormalizerName } from '@switchyard/contracts';
import { crmHotList, crmLeads, crmNotes, crmPipeline, crmSchedule, metricsSeries } from './crm-metrics.normalizers';
import type { Normalizer } from './normalizer';
import { pmFinancials, pmProjects, pmRisks } from './pm.normalizers';
import { calendarEvents, hrisDepartments, ticketingTickets } from './workplace.normalizers';

export const NORMALIZER_REGISTRY: Record<NormalizerName, Normalizer> = {
  'pm.projects.v1': pmProjects,
  'pm.risks.v1': pmRisks,
  'pm.financials.v1': pmFinancials,
  'hris.departments.v1': hrisDepartments,
  'calendar.events.v1': calendarEvents,
  'ticketing.tickets.v1': ticketingTickets,
  'crm.leads.v1': crmLeads,
  'crm.pipeline.v1': crmPipeline,
  'crm.hot-list.v1': crmHotList,
  'crm.notes.v1': crmNotes,
  'crm.schedule.v1': crmSchedule,
  'metrics.series.v1': metricsSeries,
};
