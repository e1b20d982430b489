import type { ConnectorDefinitionInput } from '@switchyard/contracts';
import { SIMULATOR_CONNECTORS } from './simulator.connectors';

/** Every connector Switchyard ships, validated by a unit test against the definition schema. */
export const BUILT_IN_CONNECTORS: ConnectorDefinitionInput[] = [...SIMULATOR_CONNECTORS];
