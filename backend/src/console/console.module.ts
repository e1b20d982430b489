import { Module } from '@nestjs/common';
import { ConsoleAssets } from './console-assets';

@Module({
  providers: [ConsoleAssets],
  exports: [ConsoleAssets],
})
export class ConsoleModule {}
