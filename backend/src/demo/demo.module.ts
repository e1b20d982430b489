import { Module } from '@nestjs/common';
import { SourcesModule } from '../sources';
import { DemoService } from './demo.service';

@Module({ imports: [SourcesModule], providers: [DemoService], exports: [DemoService] })
export class DemoModule {}
