export {
  CrmHotListItemEntity,
  CrmLeadEntity,
  CrmNoteEntity,
  CrmPipelineItemEntity,
  CrmScheduledActivityEntity,
} from './entities/crm.entities';
