import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@alliance/nest-kit';
import { StatusListDocumentQuery } from '../application/queries';
import { STATUS_LIST_TTL_MS } from '../application/status/status-list-publisher';
import { IssuanceException } from '../domain/issuance.exception';
import { VC_MEDIA_TYPE } from './credentials.controller';

/** What anyone may fetch to check a credential's status: its status lists (the contexts: contexts.controller.ts). */
@ApiTags('public')
@Controller()
@Public()
export class PublicController {
  constructor(private readonly queries: QueryBus) {}

  @Get('status-lists/:id')
  @ApiProduces(VC_MEDIA_TYPE)
  @ApiOkResponse({
    description:
      'A BitstringStatusListCredential of one purpose (`<listId>-revocation`, `<listId>-suspension`; a legacy 2-bit message list under `<listId>`), signed by the issuing institution',
  })
  @ApiOperation({ summary: 'A status list credential, as credentials point to it in credentialStatus' })
  async statusList(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    // List ids are `<institution id>-<seq>[-<purpose>]`: anything else names no list.
    if (!/^[A-Za-z0-9-]{1,160}$/.test(id))
      throw new IssuanceException('issuance.status-list-not-found', `No status list with id ${id.slice(0, 160)}.`, 'id');
    // Served from memory until the list's bits change; requests meanwhile share one read (StatusListPublisher.document).
    const served = await this.queries.execute(new StatusListDocumentQuery(id));
    res.set('Cache-Control', `public, max-age=${Math.floor(STATUS_LIST_TTL_MS / 1000)}`).set('ETag', served.etag);
    if (req.headers['if-none-match'] === served.etag) res.status(304).end();
    else res.status(200).type(VC_MEDIA_TYPE).send(served.body);
  }
}
