import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SourcesModule } from '../sources';
import { FinancialEntryEntity } from './entities/financial-entry.entity';
import { ProjectRiskEntity } from './entities/project-risk.entity';
import { ProjectEntity } from './entities/project.entity';
import { PortfolioController } from './portfolio.controller';
import { PortfolioRepository } from './portfolio.repository';
import { PortfolioService } from './portfolio.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProjectEntity, ProjectRiskEntity, FinancialEntryEntity]), SourcesModule],
  controllers: [PortfolioController],
  providers: [PortfolioService, PortfolioRepository],
  exports: [PortfolioService],
})
export class PortfolioModule {}
