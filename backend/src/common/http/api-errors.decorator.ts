import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ApiErrorResponseModel } from './api-models';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `error.fields` names each rejected field.',
  401: 'Missing or invalid credentials or signature.',
  404: 'Not found.',
  409: 'Conflicts with the current state; see `message`.',
  413: 'Request body over the size limit.',
  415: 'Body is not application/json.',
  429: 'Too many requests; see `retryAfter`.',
  500: 'Unexpected failure; quote `traceId`.',
  503: 'A dependency is down.',
};

/** Documents the error payload for the given statuses (500 always). */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...[...new Set([...statuses, 500])].map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error.', type: ApiErrorResponseModel }),
    ),
  );
}
