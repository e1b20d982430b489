import type { CrmActivity, CrmHotListItem, CrmLead, CrmNote } from '@switchyard/contracts';
import type {
  CrmHotListItemEntity,
  CrmLeadEntity,
  CrmNoteEntity,
  CrmScheduledActivityEntity,
} from './entities/crm.entities';

export const NOTE_SUMMARY_LENGTH = 200;

const iso = (at: Date | null): string | null => at?.toISOString() ?? null;

export function toLead(row: CrmLeadEntity): CrmLead {
  return {
    id: row.externalId,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    source: row.leadSource,
    status: row.status,
    owner: row.owner,
    createdAt: row.createdAtSource.toISOString(),
    updatedAt: iso(row.sourceUpdatedAt),
  };
}

export function toHotListItem(row: CrmHotListItemEntity): CrmHotListItem {
  return {
    id: row.externalId,
    leadId: row.leadExternalId,
    name: row.name,
    reason: row.reason,
    priority: row.priority,
    status: row.status,
    lastActivityAt: iso(row.lastActivityAt),
    addedAt: iso(row.addedAt),
  };
}

export function toNote(row: CrmNoteEntity): CrmNote {
  return {
    id: row.externalId,
    leadId: row.leadExternalId,
    date: row.notedAt.toISOString(),
    author: row.author,
    // Array.from counts code points, so an emoji is never cut in half.
    summary: Array.from(row.body).slice(0, NOTE_SUMMARY_LENGTH).join(''),
    body: row.body,
  };
}

export function toActivity(row: CrmScheduledActivityEntity, leadNames?: ReadonlyMap<string, string>): CrmActivity {
  return {
    id: row.externalId,
    leadId: row.leadExternalId,
    leadName: (row.leadExternalId && leadNames?.get(row.leadExternalId)) || null,
    type: row.activityType,
    title: row.title,
    scheduledFor: row.scheduledFor.toISOString(),
    durationMinutes: row.durationMinutes,
    assignedTo: row.assignedTo,
    status: row.status,
  };
}
