import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RealtimeModule } from '../realtime';
import { SourcesModule } from '../sources';
import { FinancialEntryEntity } from './entities/financial-entry.entity';
import { ProjectRiskEntity } from './entities/project-risk.entity';
import { ProjectEntity } from './entities/project.entity';
import { DashboardFeed } from './live/dashboard-feed';
import { PortfolioLiveRoutes } from './live/portfolio-live-routes';
import { PortfolioLiveRepository } from './live/portfolio-live.repository';
import { PortfolioController } from './portfolio.controller';
import { PortfolioRepository } from './portfolio.repository';
import { PortfolioService } from './portfolio.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ProjectEntity, ProjectRiskEntity, FinancialEntryEntity]),
    SourcesModule,
    RealtimeModule,
  ],
  controllers: [PortfolioController],
  providers: [PortfolioService, PortfolioRepository, PortfolioLiveRepository, DashboardFeed, PortfolioLiveRoutes],
  exports: [PortfolioService],
})
export class PortfolioModule {}
