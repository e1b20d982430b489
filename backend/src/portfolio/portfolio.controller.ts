import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  BLUEPRINT_DEFAULT_LIMIT,
  type DashboardData,
  type FinancialMetrics,
  type PortfolioName,
  type Principal,
} from '@switchyard/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth';
import { ApiErrors, ConditionalGetInterceptor, PreparedAnswer, resolvePage } from '../common';
import {
  DashboardQueryDto,
  FinancialQueryDto,
  ProjectQueryDto,
  RiskQueryDto,
  splitList,
} from './dto/portfolio-queries.dto';
import {
  DashboardDataModel,
  FinancialMetricsModel,
  ProjectDetailModel,
  ProjectPageModel,
  RiskPageModel,
} from './dto/portfolio.models';
import { PortfolioService } from './portfolio.service';

@ApiTags('portfolio')
@Controller()
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get('projects')
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'Projects with health score, risk level, budget and schedule variance, and milestones.' })
  @ApiOkResponse({ type: ProjectPageModel })
  @ApiErrors(400, 401, 403)
  projects(@Query() query: ProjectQueryDto, @CurrentPrincipal() principal: Principal) {
    const filters = {
      portfolios: query.portfolio && query.portfolio !== 'All' ? [query.portfolio] : undefined,
      statuses: splitList(query.status),
      priority: query.priority,
      team: query.team,
    };
    return this.portfolio.listProjects(
      filters,
      resolvePage(query, { offsetStyleSize: BLUEPRINT_DEFAULT_LIMIT }),
      principal,
    );
  }

  @Get('projects/:id')
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'One project.' })
  @ApiOkResponse({ type: ProjectDetailModel })
  @ApiErrors(401, 403, 404)
  project(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.portfolio.getProject(id, principal);
  }

  @Get('financial-metrics')
  @RequirePermission('financials.read')
  @ApiOperation({
    summary: 'Financial summary, monthly trends and earned value per project for a date range.',
    description:
      'CPI = EV / AC, SPI = EV / PV; NPV discounts monthly cash flows at each entry’s annual rate (8 % when missing). Undefined ratios are null.',
  })
  @ApiOkResponse({ type: FinancialMetricsModel })
  @ApiErrors(400, 401, 403)
  financialMetrics(
    @Query() query: FinancialQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Omit<FinancialMetrics, 'generatedAt'>> {
    return this.portfolio.financialMetrics(
      {
        projectIds: splitList(query.projectIds),
        dateRange: query.dateRange ?? '3M',
        startDate: query.startDate,
        endDate: query.endDate,
      },
      principal,
    );
  }

  @Get('risks')
  @RequirePermission('risks.read')
  @ApiOperation({ summary: 'Risk register with age, mitigation status and urgency, plus analytics.' })
  @ApiOkResponse({ type: RiskPageModel })
  @ApiErrors(400, 401, 403)
  risks(@Query() query: RiskQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.portfolio.risks(
      {
        levels: splitList(query.riskLevel),
        statuses: splitList(query.status),
        projectIds: splitList(query.projectIds),
      },
      resolvePage(query),
      principal,
    );
  }

  @Get('dashboard-data')
  @RequirePermission('dashboard.read')
  @UseInterceptors(ConditionalGetInterceptor)
  @ApiOperation({
    summary: 'Executive dashboard: KPIs, the ten most important alerts, trends and top projects.',
    description:
      'Strong ETag; send If-None-Match, or the last answer’s refreshToken as ?refreshToken=, for a 304 when nothing changed.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({ type: DashboardDataModel })
  @ApiResponse({ status: 304, description: 'Not modified since the ETag you sent.' })
  @ApiErrors(400, 401, 403)
  dashboardData(
    @Query() query: DashboardQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PreparedAnswer<DashboardData>> {
    return this.portfolio.dashboardAnswer((query.portfolio ?? 'All') as PortfolioName | 'All', principal);
  }
}
