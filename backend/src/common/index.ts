export { Clock, SystemClock } from './clock';
export { CommonModule } from './common.module';
export { SecretBox } from './crypto/secret-box';
export { InstanceIdentity } from './instance-identity';
export {
  DomainException,
  ResourceNotFoundException,
  RouteNotFoundException,
  ValidationFailedException,
} from './errors/domain-exception';
export { ApiExceptionFilter } from './errors/api-exception.filter';
export { isDatabaseUnavailable } from './errors/database-unavailable';
export { ApiErrors } from './http/api-errors.decorator';
export { ApiErrorResponseModel, PageModel, TimestampedModel } from './http/api-models';
export { GeneratedAtInterceptor, stampGeneratedAt, type Stamped } from './http/generated-at.interceptor';
export { createValidationPipe } from './http/validation.pipe';
export { assertSafeJsonBody, MAX_JSON_DEPTH } from './http/json-body-guard';
export { TokenBuckets } from './http/token-buckets';
export { createLogger, markTraceBound, type Logger } from './logging/logger';
export { NestPinoLogger } from './logging/nest-logger';
export { redactUrl } from './logging/redact-url';
export { BlueprintPageQueryDto, PageQueryDto } from './pagination/page-query.dto';
export {
  commaList,
  isoDateTime,
  matching,
  oneOf,
  QueryField,
  querySchemaOf,
  text,
  wholeNumber,
} from './http/query-fields';
export { resolvePage, toPage, type PageDefaults, type PageWindow } from './pagination/page';
export { currentTraceId, resolveTraceId, runWithTrace, TRACE_HEADER } from './trace/trace-context';
export { parseOrThrow, toFieldErrors, zodBodySchema } from './http/zod-validation';
export { uuidParam } from './http/uuid-param.pipe';
export { ConditionalGetInterceptor, entityTag } from './http/conditional-get.interceptor';
export { combineTag, PreparedAnswer, prepareMembers, stableJson, type PreparedMembers } from './http/prepared-answer';
export { isTimeZone, zonedWallTimeToUtc } from './time/zoned-time';
export { GroupCommit } from './batching/group-commit';
export { GroupedRead } from './batching/grouped-read';
export { KeyedSerialQueue } from './batching/keyed-serial-queue';
export {
  readSignedHeaders,
  verifyWebhookSignature,
  TIMESTAMP_TOLERANCE_SECONDS,
  type SignedHeaders,
} from './webhooks/standard-webhooks';
export { ComputedCache } from './cache/computed-cache';
