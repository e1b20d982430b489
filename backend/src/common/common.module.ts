import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from '../config';
import { Clock, SystemClock } from './clock';
import { loadEncryptionKeys, SecretBox } from './crypto/secret-box';
import { InstanceIdentity } from './instance-identity';

@Global()
@Module({})
export class CommonModule {
  static forRoot(identity: InstanceIdentity, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: CommonModule,
      providers: [
        { provide: Clock, useValue: clock },
        { provide: InstanceIdentity, useValue: identity },
        {
          provide: SecretBox,
          inject: [AppConfig],
          useFactory: (config: AppConfig) =>
            new SecretBox(loadEncryptionKeys(config.encryption.keys, config.encryption.keyFile)),
        },
      ],
      exports: [Clock, InstanceIdentity, SecretBox],
    };
  }
}
