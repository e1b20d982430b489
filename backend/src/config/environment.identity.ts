import { SyncAndAuthEnvironment } from './environment.sync';
import { count, flag, Setting, text } from './setting';

/** Single sign-on, external access tokens, and service-client hygiene (docs/identity.md). */
export class IdentityEnvironment extends SyncAndAuthEnvironment {
  /**
   * allow email and password sign-in; `false` leaves single sign-on only
   * @default `true`
   */
  @Setting(flag())
  AUTH_LOCAL_LOGIN_ENABLED?: string;

  /**
   * JSON list of OpenID Connect providers for console sign-in (issuer, client, claim mapping); see docs/identity.md
   * @default _(empty)_
   */
  @Setting(text())
  AUTH_OIDC_PROVIDERS = '';

  /**
   * JSON list of trusted issuers whose access tokens machine clients may use (issuer, JWKS URL, audience, mapping)
   * @default _(empty)_
   */
  @Setting(text())
  AUTH_TRUSTED_ISSUERS = '';

  /**
   * the console's public base URL, for single sign-on redirect URIs (`<url>/auth/oidc/<id>/callback`)
   * @default _(unset: taken from the request)_
   */
  @Setting(text(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must be an http(s) URL'))
  AUTH_PUBLIC_URL?: string;

  /**
   * after a trusted issuer's JWKS was fetched, how long an unknown key id waits before fetching it again
   * @default `30000`
   */
  @Setting(count(0, 3_600_000, 'ms'))
  AUTH_JWKS_COOLDOWN_MS = 30_000;

  /**
   * a service client's secret expires this many days after it was issued
   * @default `90`
   */
  @Setting(count(1, 3650, 'days'))
  CLIENT_SECRET_MAX_AGE_DAYS = 90;

  /**
   * days before a client secret expires that a warning alert is raised
   * @default `14`
   */
  @Setting(count(1, 365, 'days'))
  CLIENT_SECRET_WARNING_DAYS = 14;

  /**
   * requests per minute with one client's tokens above which an unusual-rate alert is raised
   * @default `600`
   */
  @Setting(count(1, 1_000_000))
  CLIENT_ANOMALY_RATE_PER_MINUTE = 600;
}
