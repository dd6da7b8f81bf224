import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@alliance/nest-kit';
import { SHARE_TOKEN, SharedCredentials } from '../application/ports/shared-credentials.port';
import { VerificationException } from '../domain/verification.exception';

/** The /verify page's own way to the credential a learner's link shares: fetched from issuance, returned as JSON. */
@ApiExcludeController()
@Controller('verify/shared')
@Public()
export class SharedCredentialController {
  constructor(private readonly shared: SharedCredentials) {}

  @Get(':token')
  async credential(@Param('token') token: string, @Res() res: Response): Promise<void> {
    res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer').set('X-Content-Type-Options', 'nosniff');
    if (!SHARE_TOKEN.test(token)) {
      throw new VerificationException(
        'verification.share.token-invalid',
        'This share link is not valid: check that it was copied whole.',
        'token',
      );
    }
    const shared = await this.shared.fetch(token);
    if (shared.found) return void res.status(200).type('application/json').send(JSON.stringify(shared.credential));
    if (shared.reason === 'gone') {
      throw new VerificationException(
        'verification.share.not-found',
        'This share link no longer opens a credential: it has expired or the learner withdrew it. Ask the learner for a new link.',
      );
    }
    throw new VerificationException(
      'verification.share.issuance-unavailable',
      'The shared credential could not be fetched from the issuing service just now. Try again in a few minutes.',
    );
  }
}
