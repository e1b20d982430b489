export { AppConfig } from './app-config';
export { ConfigModule } from './config.module';
export { ConfigError, loadConfig } from './load-config';
