import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { STATUS_LIST_JWT_MEDIA_TYPE } from '@alliance/credentials';
import { Public } from '@alliance/nest-kit';
import { LearningCredentialStatus, STATUS_LIST_TOKEN_TTL_SECONDS } from '../application/wallet/learning-credential-status';
import { IssuanceException } from '../domain/issuance.exception';

/** The status lists as IETF Token Status Lists, which EUDI Learning Credentials (SD-JWT VC) point to. */
@ApiTags('public')
@Controller()
@Public()
export class StatusListTokenController {
  constructor(private readonly status: LearningCredentialStatus) {}

  @Get('status-lists/:id/token')
  @ApiProduces(STATUS_LIST_JWT_MEDIA_TYPE)
  @ApiOkResponse({
    schema: { type: 'string', description: 'A compact JWT, header typ statuslist+jwt' },
    description:
      'A Status List Token (JWT, 2 bits per entry: 0 valid, 1 invalid (revoked), 2 suspended) over the same list as `/status-lists/<id>-revocation` and `-suspension`, signed by the lead awarding body as the Learning Credentials it covers',
  })
  @ApiNotFoundResponse({
    description: 'No such list, or its institution signs only with its own signer (it issues no Learning Credential)',
  })
  @ApiOperation({ summary: 'A Status List Token, as Learning Credentials point to it in status.status_list' })
  async token(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    // List ids are `<institution id>-<seq>`: anything else names no list.
    if (!/^[A-Za-z0-9-]{1,160}$/.test(id))
      throw new IssuanceException('issuance.status-list-not-found', `No status list with id ${id.slice(0, 160)}.`, 'id');
    const served = await this.status.token(id);
    res.set('Cache-Control', `public, max-age=${STATUS_LIST_TOKEN_TTL_SECONDS}`).set('ETag', served.etag);
    if (req.headers['if-none-match'] === served.etag) res.status(304).end();
    else res.status(200).type(STATUS_LIST_JWT_MEDIA_TYPE).send(served.body);
  }
}
