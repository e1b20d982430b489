export {
  CrmHotListItemEntity,
  CrmLeadEntity,
  CrmNoteEntity,
  CrmPipelineItemEntity,
  CrmScheduledActivityEntity,
} from './entities/crm.entities';
export { CrmModule } from './crm.module';
