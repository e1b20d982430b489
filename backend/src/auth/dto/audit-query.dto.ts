import { isoDateTime, matching, oneOf, PageQueryDto, QueryField } from '../../common';

const OUTCOMES = ['success', 'failure', 'denied'] as const;

export class AuditQueryDto extends PageQueryDto {
  @QueryField(matching(/^[a-z_.]{1,64}$/, 'action must be an action name like auth.login').optional(), {
    example: 'auth.login',
  })
  action?: string;

  @QueryField(matching(/^\S{1,320}$/, 'actorId must be an id or email').optional())
  actorId?: string;

  @QueryField(oneOf('outcome', OUTCOMES).optional(), { enum: OUTCOMES })
  outcome?: 'success' | 'failure' | 'denied';

  @QueryField(isoDateTime('since must be an ISO 8601 date-time').optional(), { format: 'date-time' })
  since?: string;
}
