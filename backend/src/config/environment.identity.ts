import { Type } from 'class-transformer';
import { IsBooleanString, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { SyncAndAuthEnvironment } from './environment.sync';

/** Single sign-on, external access tokens, and service-client hygiene (docs/identity.md). */
export class IdentityEnvironment extends SyncAndAuthEnvironment {
  /**
   * allow email and password sign-in; `false` leaves single sign-on only
   * @default `true`
   */
  @IsOptional()
  @IsBooleanString({ message: 'must be true or false' })
  AUTH_LOCAL_LOGIN_ENABLED?: string;

  /**
   * JSON list of OpenID Connect providers for console sign-in (issuer, client, claim mapping); see docs/identity.md
   * @default _(empty)_
   */
  @IsString()
  AUTH_OIDC_PROVIDERS = '';

  /**
   * JSON list of trusted issuers whose access tokens machine clients may use (issuer, JWKS URL, audience, mapping)
   * @default _(empty)_
   */
  @IsString()
  AUTH_TRUSTED_ISSUERS = '';

  /**
   * the console's public base URL, for single sign-on redirect URIs (`<url>/auth/oidc/<id>/callback`)
   * @default _(unset: taken from the request)_
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'must be an http(s) URL' })
  AUTH_PUBLIC_URL?: string;

  /**
   * after a trusted issuer's JWKS was fetched, how long an unknown key id waits before fetching it again
   * @default `30000`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0, { message: 'must be between 0 and 3600000 ms' })
  @Max(3_600_000, { message: 'must be between 0 and 3600000 ms' })
  AUTH_JWKS_COOLDOWN_MS = 30_000;

  /**
   * a service client's secret expires this many days after it was issued
   * @default `90`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 3650 days' })
  @Max(3650, { message: 'must be between 1 and 3650 days' })
  CLIENT_SECRET_MAX_AGE_DAYS = 90;

  /**
   * days before a client secret expires that a warning alert is raised
   * @default `14`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 365 days' })
  @Max(365, { message: 'must be between 1 and 365 days' })
  CLIENT_SECRET_WARNING_DAYS = 14;

  /**
   * requests per minute with one client's tokens above which an unusual-rate alert is raised
   * @default `600`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 1000000' })
  @Max(1_000_000, { message: 'must be between 1 and 1000000' })
  CLIENT_ANOMALY_RATE_PER_MINUTE = 600;
}
