import type {} from '@fastify/cookie';
import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiExcludeEndpoint, ApiOkResponse, ApiProperty, ApiOperation, ApiTags } from '@nestjs/swagger';
import { REFRESH_COOKIE, type SsoProvider, type SsoProviders } from '@switchyard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '../../common';
import { AppConfig } from '../../config';
import { AuthThrottlerGuard } from '../auth-throttler.guard';
import { Public } from '../decorators';
import { OidcLoginService, SsoError } from './oidc-login.service';

/** The sealed sign-in state between the redirect to the provider and its callback. */
export const SSO_STATE_COOKIE = 'sy_oidc';
const STATE_COOKIE_PATH = '/auth/oidc';

class SsoProviderModel implements SsoProvider {
  @ApiProperty({ example: 'okta' }) id!: string;
  @ApiProperty({ example: 'Okta' }) name!: string;
  @ApiProperty({ example: '/auth/oidc/okta/login' }) loginUrl!: string;
}

class SsoProvidersModel implements SsoProviders {
  @ApiProperty() localLoginEnabled!: boolean;
  @ApiProperty({ type: [SsoProviderModel] }) providers!: SsoProviderModel[];
}

@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly sso: OidcLoginService,
    private readonly config: AppConfig,
  ) {}

  @Get('providers')
  @Public() // The login page lists them before anyone is signed in.
  @ApiOperation({ summary: 'Single sign-on providers the console offers, and whether password sign-in is on.' })
  @ApiOkResponse({ type: SsoProvidersModel })
  @ApiErrors()
  providers(): SsoProviders {
    return this.sso.providers();
  }

  @Get(':provider/login')
  @Public() // Starts a sign-in.
  @UseGuards(AuthThrottlerGuard)
  @SkipThrottle({ refresh: true, webhooks: true })
  // Browser navigation (redirects), not API: described in docs/identity.md, not in OpenAPI.
  @ApiExcludeEndpoint()
  async login(
    @Param('provider') provider: string,
    @Query('returnTo') returnTo: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    try {
      const { url, pending } = await this.sso.begin(provider, this.base(request), returnTo ?? '/');
      void reply
        .header('cache-control', 'no-store')
        .setCookie(SSO_STATE_COOKIE, pending, this.stateCookie())
        .redirect(url, 302);
    } catch (error) {
      if (!(error instanceof SsoError)) throw error;
      const reason = error.reason === 'unknown provider' ? error.reason : 'the provider could not be reached';
      void reply.redirect(`/login?ssoError=${encodeURIComponent(reason)}`, 302);
    }
  }

  @Get(':provider/callback')
  @Public() // The provider sends the browser back here with the authorization code.
  @UseGuards(AuthThrottlerGuard)
  @SkipThrottle({ refresh: true, webhooks: true })
  // Validates the ID token, sets the refresh cookie and redirects to the console (or /login?ssoError=…).
  @ApiExcludeEndpoint()
  async callback(
    @Param('provider') provider: string,
    @Req() request: FastifyRequest & { cookies?: Record<string, string | undefined> },
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const base = this.base(request);
    void reply.header('cache-control', 'no-store').clearCookie(SSO_STATE_COOKIE, { path: STATE_COOKIE_PATH });
    try {
      const callbackUrl = new URL(request.url, base);
      const { session, returnTo } = await this.sso.complete(
        provider,
        callbackUrl,
        request.cookies?.[SSO_STATE_COOKIE],
        request.ip,
      );
      void reply
        .setCookie(REFRESH_COOKIE, session.refreshToken, {
          httpOnly: true,
          secure: this.config.auth.secureCookies,
          sameSite: 'strict',
          path: '/auth',
          expires: session.refreshExpiresAt,
        })
        .redirect(returnTo, 302);
    } catch (error) {
      if (!(error instanceof SsoError)) throw error;
      void reply.redirect(`/login?ssoError=${encodeURIComponent('sign-in was refused')}`, 302);
    }
  }

  private base(request: FastifyRequest): string {
    return this.sso.redirectBase(`${request.protocol}://${request.host}`);
  }

  private stateCookie() {
    return {
      httpOnly: true,
      secure: this.config.auth.secureCookies,
      // Lax: the provider's redirect back is a cross-site top-level navigation.
      sameSite: 'lax' as const,
      path: STATE_COOKIE_PATH,
      maxAge: 600,
    };
  }
}
