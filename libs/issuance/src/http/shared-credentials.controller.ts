import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@alliance/nest-kit';
import { SharedCredentials } from '../application/credential-share/shared-credentials';
import { IssuanceException } from '../domain/issuance.exception';
import { VC_MEDIA_TYPE } from './credentials.controller';

/** The shape of any token a link may carry; anything else is answered without a lookup. */
const TOKEN = /^[A-Za-z0-9_-]{22,128}$/;

/** What a learner's share link opens, for anyone holding it (the verification page fetches it for the employer). */
@ApiTags('public')
@Controller('shared-credentials')
@Public()
export class SharedCredentialsController {
  constructor(private readonly shared: SharedCredentials) {}

  @Get(':token')
  @ApiProduces(VC_MEDIA_TYPE)
  @ApiOperation({ summary: 'The signed credential a share link opens, while the link is active' })
  @ApiOkResponse({ description: 'The signed Open Badges 3.0 credential, as its learner receives it' })
  @ApiNotFoundResponse({ description: 'No such link, or withdrawn, or expired: the same answer for all three' })
  async open(@Param('token') token: string, @Res() res: Response): Promise<void> {
    // Set before anything can fail: the answer is kept by no cache, and a page it leads to names no link.
    res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer');
    const credential = TOKEN.test(token) ? await this.shared.open(token) : undefined;
    if (!credential) {
      throw new IssuanceException(
        'issuance.shared-credential-not-found',
        'This link opens no credential: it may have expired or been withdrawn by the learner.',
      );
    }
    res.status(200).type(VC_MEDIA_TYPE).send(JSON.stringify(credential));
  }
}
