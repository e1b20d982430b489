export { ProjectEntity, type Milestone } from './entities/project.entity';
export { ProjectRiskEntity } from './entities/project-risk.entity';
export { FinancialEntryEntity } from './entities/financial-entry.entity';
export { PortfolioModule } from './portfolio.module';
export { PortfolioService } from './portfolio.service';
