export { AppConfig } from './app-config';
export { ConfigModule } from './config.module';
export { ConfigError, loadCliConfig, loadConfig } from './load-config';
export { parseWebhookSecrets, type WebhookSecrets } from './integration-secrets';
export type { HmacScheme, WebhookScheme, WebhookSchemes } from './integration-schemes';
export type { ClaimGrant, ClaimMapping, OidcProviderSettings, TrustedIssuerSettings } from './identity-settings';
