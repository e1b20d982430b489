export { createSimulator, type Simulator, type SimulatorOptions } from './simulator';
export { VENDORS, FAULT_TYPES } from './types';
export type {
  FaultSpec,
  FaultType,
  FaultView,
  RequestLogEntry,
  SimulatorState,
  VendorId,
  VendorStateView,
  WebhookTarget,
} from './types';
export type { DeliveryResult } from './webhooks';
export { DEFAULT_CRM_BRANDS, crmKey } from './vendors/crm';
export { PM_CLIENT_ID, PM_CLIENT_SECRET } from './vendors/pm';
export { HRIS_TOKEN } from './vendors/hris';
export { CALENDAR_KEY } from './vendors/calendar';
export { TICKETING_TOKEN } from './vendors/ticketing';
export { METRICS_KEY } from './vendors/metrics';
export { CLIENTTETHER_ACCESS_TOKEN, clientTetherWebKey } from './vendors/clienttether';
export { SERVICENOW_USER, SERVICENOW_PASSWORD } from './vendors/servicenow';
export { PROMETHEUS_TOKEN, type PrometheusAuth } from './vendors/prometheus';
export { JIRA_EMAIL, JIRA_API_TOKEN } from './vendors/jira';
export { BAMBOOHR_API_KEY, BAMBOOHR_COMPANY_DOMAIN } from './vendors/bamboohr';
export { GOOGLE_CALENDAR_ID } from './vendors/google-calendar';
export { GOOGLE_DEMO_SERVICE_ACCOUNT } from './vendors/google.demo-key';
export {
  startIntegrationEventSender,
  type IntegrationEventSender,
  type IntegrationEventSenderOptions,
} from './integrations/sender';
export { IntegrationEventGenerator, type GeneratedIntegrationEvent } from './integrations/generator';
export { SIMULATED_INTEGRATIONS, type SimulatedIntegration } from './integrations/catalog';
