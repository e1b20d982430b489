import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JWK } from 'jose';
import { Public } from './decorators';
import { SigningKeysService } from './tokens/signing-keys.service';

@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeysService) {}

  @Get('jwks.json')
  @Public() // Public keys are meant to be public: integrators verify our tokens with them.
  @Header('cache-control', 'public, max-age=300')
  @ApiOperation({ summary: 'Public keys that verify Switchyard’s access tokens (JWKS, RFC 7517).' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { keys: { type: 'array', items: { type: 'object', additionalProperties: true } } },
    },
  })
  jwks(): { keys: JWK[] } {
    return this.keys.jwks();
  }
}
