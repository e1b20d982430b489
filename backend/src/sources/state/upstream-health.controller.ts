import { CurrentPrincipal, DataScopeService, Public } from '../../auth';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Permission, Principal, UpstreamHealth } from '@switchyard/contracts';
import { ApiErrors } from '../../common';
import { UpstreamHealthModel } from '../dto/source-state.models';
import { FreshnessService } from './freshness.service';

@ApiTags('health')
@Controller('health')
export class UpstreamHealthController {
  constructor(
    private readonly freshness: FreshnessService,
    private readonly scopes: DataScopeService,
  ) {}

  @Get()
  @Public() // The summary is public for status pages; per-source detail needs health.read, within your tenants.
  @ApiOperation({
    summary: 'Upstream status per source: freshness state, age, reason, breaker and last error.',
    description:
      'What the console’s “data delayed” banners are built from. A tenant-scoped caller sees, and is counted, only the sources of its tenants (and untenanted ones). Liveness and readiness are /health/live and /health/ready.',
  })
  @ApiOkResponse({ type: UpstreamHealthModel })
  @ApiErrors()
  health(@CurrentPrincipal() principal: Principal | undefined): Promise<UpstreamHealth> {
    const can = (permission: Permission) => principal?.permissions.includes(permission) ?? false;
    return this.freshness.upstreamHealth(
      can('health.read'),
      (tenant) => this.scopes.allowsTenant(principal, tenant),
      can('sync.raw_read'),
    );
  }
}
