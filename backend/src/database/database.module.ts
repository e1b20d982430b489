import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config';
import { buildDataSourceOptions } from './data-source-options';
import { DatabaseProbe } from './database-probe';
import { runMigrations } from './migrate';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      // Each module registers its own entities (forFeature); the data source loads them all.
      useFactory: (config: AppConfig) => ({ ...buildDataSourceOptions(config.database), autoLoadEntities: true }),
      dataSourceFactory: async (options) => {
        if (!options) throw new Error('database options missing');
        const dataSource = await new DataSource(options).initialize();
        await runMigrations(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: [DatabaseProbe],
  exports: [DatabaseProbe],
})
export class DatabaseModule {}
