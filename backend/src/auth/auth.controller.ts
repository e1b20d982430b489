import type {} from '@fastify/cookie';
import { Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  REFRESH_COOKIE,
  type ClientCredentialsToken,
  type Principal,
  type SessionTokens,
  type SignOutAnswer,
} from '@switchyard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '../common';
import { AppConfig } from '../config';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { ClientCredentialsService, OAuthError } from './client-credentials.service';
import { Authenticated, CurrentPrincipal, Public } from './decorators';
import {
  LOGIN_BODY,
  PrincipalModel,
  SessionTokensModel,
  SignOutModel,
  TokenRequestModel,
  TokenResponseModel,
} from './dto/auth.models';
import { OidcLoginService } from './federation/oidc-login.service';
import { SessionsService, type IssuedSession } from './sessions.service';

type CookieRequest = FastifyRequest & { cookies?: Record<string, string | undefined> };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly clientCredentials: ClientCredentialsService,
    private readonly config: AppConfig,
    private readonly sso: OidcLoginService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public() // Sign-in itself cannot require being signed in.
  @UseGuards(AuthThrottlerGuard)
  @SkipThrottle({ refresh: true, webhooks: true })
  @ApiOperation({
    summary: 'Sign in with email and password: a 15-minute access token, and a refresh token in an httpOnly cookie.',
  })
  @ApiBody({ schema: LOGIN_BODY })
  @ApiOkResponse({ type: SessionTokensModel })
  @ApiErrors(400, 401, 429)
  async login(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionTokens> {
    return this.withCookie(reply, await this.sessions.login(request.body, request.ip));
  }

  @Post('refresh')
  @HttpCode(200)
  @Public() // Authenticated by the refresh cookie instead of a Bearer token.
  @UseGuards(AuthThrottlerGuard)
  @SkipThrottle({ signin: true, webhooks: true })
  @ApiOperation({ summary: 'Exchange the refresh cookie for a new access token; the cookie rotates.' })
  @ApiOkResponse({ type: SessionTokensModel })
  @ApiErrors(401, 429)
  async refresh(
    @Req() request: CookieRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionTokens> {
    return this.withCookie(reply, await this.sessions.refresh(request.cookies?.[REFRESH_COOKIE], request.ip));
  }

  @Post('logout')
  @HttpCode(204)
  @Public() // Ending a session needs only the session's own cookie.
  @ApiOperation({
    summary: 'End the session: revokes every refresh token of this sign-in and clears the cookie.',
    description:
      'A single sign-on session whose provider offers RP-initiated logout answers 200 with `endSessionUrl`: ' +
      'send the browser there to end the provider’s session too.',
  })
  @ApiNoContentResponse()
  @ApiOkResponse({ type: SignOutModel })
  @ApiErrors()
  async logout(
    @Req() request: CookieRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignOutAnswer | undefined> {
    const federated = await this.sessions.logout(request.cookies?.[REFRESH_COOKIE], request.ip);
    void reply.clearCookie(REFRESH_COOKIE, { path: '/auth' });
    if (!federated) return undefined;
    const base = this.sso.redirectBase(`${request.protocol}://${request.host}`);
    const endSessionUrl = await this.sso.endSessionUrl(federated, base).catch(() => null);
    if (!endSessionUrl) return undefined;
    void reply.status(200);
    return { endSessionUrl };
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in principal: roles, permissions and data scopes.' })
  @ApiOkResponse({ type: PrincipalModel })
  @ApiErrors(401)
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Post('token')
  @HttpCode(200)
  @Public() // The OAuth2 token endpoint authenticates clients itself (RFC 6749 section 2.3).
  @UseGuards(AuthThrottlerGuard)
  @SkipThrottle({ refresh: true, webhooks: true })
  @ApiOperation({
    summary:
      'OAuth2 client credentials (RFC 6749 section 4.4): form-encoded or JSON; client authentication by HTTP Basic or in the body.',
    description:
      'Errors follow RFC 6749 section 5.2: `{ error: invalid_client | invalid_scope | unsupported_grant_type | invalid_request, error_description }`.',
  })
  @ApiBody({ type: TokenRequestModel })
  @ApiOkResponse({ type: TokenResponseModel })
  async token(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClientCredentialsToken | { error: string; error_description: string }> {
    void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    try {
      const body =
        typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
      return await this.clientCredentials.grant({ body, authorization: request.headers.authorization, ip: request.ip });
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      void reply.status(error.status);
      if (error.code === 'invalid_client' && request.headers.authorization?.startsWith('Basic ')) {
        void reply.header('www-authenticate', 'Basic realm="switchyard"');
      }
      return { error: error.code, error_description: error.description };
    }
  }

  private withCookie(reply: FastifyReply, session: IssuedSession): SessionTokens {
    void reply.header('cache-control', 'no-store').setCookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      secure: this.config.auth.secureCookies,
      sameSite: 'strict',
      path: '/auth',
      expires: session.refreshExpiresAt,
    });
    return session.tokens;
  }
}
