import {
  BLUEPRINT_DEFAULT_LIMIT,
  BLUEPRINT_MAX_LIMIT,
  DEFAULT_PAGE_SIZE,
  MAX_OFFSET,
  MAX_PAGE,
  MAX_PAGE_SIZE,
} from '@switchyard/contracts';
import { QueryField, wholeNumber } from '../http/query-fields';

/** The paging parameters with `limit` allowed up to `maxLimit`. */
function pageQueryFields(maxLimit: number, limitDescription: string) {
  class PageQueryFields {
    @QueryField(
      wholeNumber('page', 1, MAX_PAGE, {
        belowMin: 'page must be 1 or more',
        aboveMax: `page must be at most ${MAX_PAGE}`,
      }).optional(),
      { type: Number, minimum: 1, maximum: MAX_PAGE, default: 1, description: 'Page number, starting at 1.' },
    )
    page?: number;

    @QueryField(wholeNumber('pageSize', 1, MAX_PAGE_SIZE).optional(), {
      type: Number,
      minimum: 1,
      maximum: MAX_PAGE_SIZE,
      default: DEFAULT_PAGE_SIZE,
    })
    pageSize?: number;

    @QueryField(wholeNumber('limit', 1, maxLimit).optional(), {
      type: Number,
      minimum: 1,
      maximum: maxLimit,
      description: limitDescription,
    })
    limit?: number;

    @QueryField(
      wholeNumber('offset', 0, MAX_OFFSET, {
        belowMin: 'offset must be 0 or more',
        aboveMax: `offset must be at most ${MAX_OFFSET}`,
      }).optional(),
      {
        type: Number,
        minimum: 0,
        maximum: MAX_OFFSET,
        description: 'Rows to skip; alias of page for offset-minded clients.',
      },
    )
    offset?: number;
  }
  return PageQueryFields;
}

/** Query parameters of every list endpoint. Extend it with the list's own filters. */
export class PageQueryDto extends pageQueryFields(MAX_PAGE_SIZE, 'Alias of pageSize.') {}

/**
 * Paging of lists a blueprint documents with `limit` (1–1000, default 100 in offset style)
 * and `offset`; `page`/`pageSize` keep their own limits.
 */
export class BlueprintPageQueryDto extends pageQueryFields(
  BLUEPRINT_MAX_LIMIT,
  `Rows per answer, 1–${BLUEPRINT_MAX_LIMIT}; ${BLUEPRINT_DEFAULT_LIMIT} when paging by offset without it.`,
) {}
