export { ConnectorsModule } from './connectors.module';
export { ConnectorsService, type ResolvedStream } from './connectors.service';
export { ConnectorEntity, ConnectorVersionEntity } from './entities/connector.entity';
export { StreamMapper, SelectorError, type MappedPage } from './engine/mapping';
export {
  NORMALIZED_TABLES,
  RECORD_TABLES,
  normalizedRow,
  type NormalizedRow,
  type NormalizedTable,
} from './engine/normalized-row';
export { readPath, selectRecords } from './engine/paths';
export { render, renderValue, type TemplateVars } from './engine/template';
export { RECORD_SCHEMAS_APPEND_ONLY } from './engine/record-fields';
