import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { CommonModule, type InstanceIdentity } from './common';
import { ConfigModule, type AppConfig } from './config';
import { ConsoleModule } from './console';
import { DatabaseModule } from './database';
import { HealthModule } from './health';
import { MetricsModule } from './metrics';
import { SystemModule } from './system';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, identity: InstanceIdentity): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule.forRoot(identity),
        ScheduleModule.forRoot(),
        DatabaseModule,
        MetricsModule,
        HealthModule,
        SystemModule,
        // Last: its GET catch-all must not shadow any other module's routes.
        ConsoleModule,
      ],
    };
  }
}
