import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthModule } from './auth';
import { CommonModule, type Clock, type InstanceIdentity } from './common';
import { ConfigModule, type AppConfig } from './config';
import { ConnectorsModule } from './connectors';
import { ConsoleModule } from './console';
import { DatabaseModule } from './database';
import { CrmModule } from './crm';
import { DemoModule } from './demo';
import { EventsModule } from './events';
import { HealthModule } from './health';
import { IntegrationsModule } from './integrations';
import { MetricsModule } from './metrics';
import { NotificationsModule } from './notifications';
import { OperationsModule } from './operations';
import { PortfolioModule } from './portfolio';
import { RealtimeModule } from './realtime';
import { SourcesModule } from './sources';
import { SyncModule } from './sync';
import { SystemModule } from './system';
import { WorkplaceModule } from './workplace';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, identity: InstanceIdentity, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule.forRoot(identity, clock),
        ScheduleModule.forRoot(),
        DatabaseModule,
        MetricsModule,
        HealthModule,
        SystemModule,
        EventsModule,
        AuthModule,
        ConnectorsModule,
        SourcesModule,
        SyncModule,
        DemoModule,
        WorkplaceModule,
        PortfolioModule,
        CrmModule,
        RealtimeModule,
        OperationsModule,
        NotificationsModule,
        IntegrationsModule,
        // Last: its GET catch-all must not shadow any other module's routes.
        ConsoleModule,
      ],
    };
  }
}
