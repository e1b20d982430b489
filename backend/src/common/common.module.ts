import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { InstanceIdentity } from './instance-identity';

@Global()
@Module({})
export class CommonModule {
  static forRoot(identity: InstanceIdentity): DynamicModule {
    return {
      module: CommonModule,
      providers: [
        { provide: Clock, useClass: SystemClock },
        { provide: InstanceIdentity, useValue: identity },
      ],
      exports: [Clock, InstanceIdentity],
    };
  }
}
