import type { ConnectorDefinitionInput } from '@switchyard/contracts';
import { bamboohr } from './bamboohr.connector';
import { googleCalendar } from './google-calendar.connector';
import { jira } from './jira.connector';
import { SIMULATOR_CONNECTORS } from './simulator.connectors';

/** Every connector Switchyard ships, validated by a unit test against the definition schema. */
export const BUILT_IN_CONNECTORS: ConnectorDefinitionInput[] = [
  ...SIMULATOR_CONNECTORS,
  jira,
  bamboohr,
  googleCalendar,
];
