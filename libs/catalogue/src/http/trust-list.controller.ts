import type { ControllerDocument } from '@alliance/credentials';
import { Public } from '@alliance/nest-kit';
import { Controller, Get, Header, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { GetAllianceDidDocumentQuery, GetTrustListQuery } from '../application/trust-list/trust-list.queries';

/** How long a verifier may reuse the list without asking again. */
export const TRUST_LIST_MAX_AGE_SECONDS = 60;

@ApiTags('trust list')
@Controller()
export class TrustListController {
  constructor(private readonly queries: QueryBus) {}

  @Get('trust-list')
  @Public()
  @ApiOperation({
    summary: 'The alliance registry as a verifiable credential signed by the alliance key (eddsa-jcs-2022)',
    description:
      'Every member (DID, profile, how its DID is hosted, membership history) and every key ever bound to it (window, revocation, compromise). Strong ETag over the exact bytes; send If-None-Match to get 304 while the registry is unchanged.',
  })
  @ApiOkResponse({ description: 'application/vc+ld+json: a VC 2.0 of type AllianceTrustList issued by the alliance DID' })
  @ApiNotModifiedResponse({ description: 'The registry has not changed since the list with that ETag' })
  async trustList(@Req() req: Request, @Res() res: Response): Promise<void> {
    const list = await this.queries.execute(new GetTrustListQuery());
    res.setHeader('ETag', list.etag);
    res.setHeader('Cache-Control', `public, max-age=${TRUST_LIST_MAX_AGE_SECONDS}`);
    if (matches(req.headers['if-none-match'], list.etag)) {
      res.status(304).end();
      return;
    }
    res.status(200).type('application/vc+ld+json').send(list.body);
  }

  @Get('alliance/did.json')
  @Public()
  @Header('Content-Type', 'application/did+ld+json')
  @ApiOperation({ summary: "The alliance's did:web document: the key that signs the trust list" })
  @ApiOkResponse({ description: 'DID document' })
  allianceDidDocument(): Promise<ControllerDocument> {
    return this.queries.execute(new GetAllianceDidDocumentQuery());
  }
}

/** If-None-Match (RFC 9110 §13.1.2): `*`, or a list of entity tags compared weakly. */
function matches(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',').map((t) => t.trim());
  return tags.some((t) => t === '*' || t.replace(/^W\//, '') === etag);
}
