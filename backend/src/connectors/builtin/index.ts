import type { ConnectorDefinitionInput } from '@switchyard/contracts';
import { bamboohr } from './bamboohr.connector';
import { googleCalendar } from './google-calendar.connector';
import { jira } from './jira.connector';
import { clienttetherConnector } from './clienttether.connector';
import { prometheusBearerConnector, prometheusConnector } from './prometheus.connector';
import { servicenowConnector } from './servicenow.connector';
import { SIMULATOR_CONNECTORS } from './simulator.connectors';

/** Every connector Switchyard ships, validated by a unit test against the definition schema. */
export const BUILT_IN_CONNECTORS: ConnectorDefinitionInput[] = [
  ...SIMULATOR_CONNECTORS,
  servicenowConnector,
  prometheusConnector,
  prometheusBearerConnector,
  clienttetherConnector,
  jira,
  bamboohr,
  googleCalendar,
];
