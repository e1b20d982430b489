import {
  DATE_RANGES,
  PORTFOLIOS,
  PRIORITIES,
  PROJECT_STATUSES,
  RISK_LEVELS,
  RISK_STATUSES,
  type DateRange,
} from '@switchyard/contracts';
import { z } from 'zod';
import { BlueprintPageQueryDto, commaList, isoDateTime, matching, oneOf, PageQueryDto, QueryField } from '../../common';

/** A comma-separated list whose every item is one of `values`. */
function listOf(values: readonly string[]): RegExp {
  const one = values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`^(${one})(,(${one}))*$`);
}
/**
 * Status words other documents use: `active` (seed 000's `?status=active`: every status but
 * Completed) and lower-case or kebab-case names (`at-risk`, seed 000's status style).
 */
const ACTIVE_STATUSES = PROJECT_STATUSES.filter((s) => s !== 'Completed');
const STATUS_ALIASES = new Map<string, readonly string[]>([
  ['active', ACTIVE_STATUSES],
  ...PROJECT_STATUSES.map((s): [string, readonly string[]] => [s.toLowerCase().replace(/ /g, '-'), [s]]),
]);

/** Joins repeated parameters and expands aliases into the canonical comma list; unknown words stay for the validator to name. */
function canonicalStatuses(value: unknown): unknown {
  const list = Array.isArray(value) ? value.map(String).join(',') : value;
  if (typeof list !== 'string') return list;
  const words = list.split(',').flatMap((w) => STATUS_ALIASES.get(w.trim().toLowerCase().replace(/[ _]/g, '-')) ?? [w]);
  return [...new Set(words)].join(',');
}

const ID_LIST = /^[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,99}$/;

const PORTFOLIO_CHOICES = [...PORTFOLIOS, 'All'] as const;
const projectIds = commaList(matching(ID_LIST, 'projectIds must be a comma-separated list of project ids')).optional();

export class ProjectQueryDto extends BlueprintPageQueryDto {
  @QueryField(oneOf('portfolio', PORTFOLIO_CHOICES).optional(), { enum: PORTFOLIO_CHOICES, default: 'All' })
  portfolio?: string;

  @QueryField(
    z
      .preprocess(
        canonicalStatuses,
        z
          .string({ error: `status must be a comma-separated list of ${PROJECT_STATUSES.join(', ')} or active` })
          .max(500, { error: 'status is too long' })
          .regex(listOf(PROJECT_STATUSES), {
            error: `status must be a comma-separated list of ${PROJECT_STATUSES.join(', ')} or active`,
          }),
      )
      .optional(),
    {
      description:
        `Comma-separated or repeated: ${PROJECT_STATUSES.join(', ')}; also active (every status but Completed) ` +
        'and kebab-case names (at-risk).',
      example: 'At Risk,Critical',
    },
  )
  status?: string;

  @QueryField(oneOf('priority', PRIORITIES).optional(), { enum: PRIORITIES })
  priority?: string;

  @QueryField(matching(/^[\p{L}\p{N}][\p{L}\p{N} _&.'()/-]{0,63}$/u, 'team must be a team id').optional(), {
    example: 'Platform',
  })
  team?: string;
}

export class FinancialQueryDto {
  @QueryField(projectIds, {
    description: 'Comma-separated project ids; all visible projects when left out.',
    example: 'PRJ-1001,PRJ-1002',
  })
  projectIds?: string;

  @QueryField(oneOf('dateRange', DATE_RANGES).optional(), { enum: DATE_RANGES, default: '3M' })
  dateRange?: DateRange;

  @QueryField(isoDateTime('startDate must be a date like 2026-01-31').optional(), {
    format: 'date',
    description: 'With dateRange=Custom.',
  })
  startDate?: string;

  @QueryField(isoDateTime('endDate must be a date like 2026-06-30').optional(), {
    format: 'date',
    description: 'With dateRange=Custom.',
  })
  endDate?: string;
}

export class RiskQueryDto extends PageQueryDto {
  @QueryField(
    commaList(
      matching(listOf(RISK_LEVELS), `riskLevel must be a comma-separated list of ${RISK_LEVELS.join(', ')}`),
    ).optional(),
    { description: `Comma-separated: ${RISK_LEVELS.join(', ')}`, example: 'Critical,High' },
  )
  riskLevel?: string;

  @QueryField(
    commaList(
      matching(listOf(RISK_STATUSES), `status must be a comma-separated list of ${RISK_STATUSES.join(', ')}`),
    ).optional(),
    { description: `Comma-separated: ${RISK_STATUSES.join(', ')}`, example: 'Open' },
  )
  status?: string;

  @QueryField(projectIds, { example: 'PRJ-1001' })
  projectIds?: string;
}

export class DashboardQueryDto {
  @QueryField(oneOf('portfolio', PORTFOLIO_CHOICES).optional(), { enum: PORTFOLIO_CHOICES, default: 'All' })
  portfolio?: string;

  @QueryField(
    matching(/^[A-Za-z0-9_-]{1,128}$/, 'refreshToken must be a refreshToken from an earlier answer').optional(),
    {
      description:
        'The refreshToken of your last answer: when the figures have not changed since, the answer is 304 ' +
        '(the same check as If-None-Match).',
    },
  )
  refreshToken?: string;
}

export const splitList = (value: string | undefined): string[] | undefined => (value ? value.split(',') : undefined);
