import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { Controller, Get, Header, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BUNDLED_CONTEXTS } from '@alliance/credentials';
import { Public } from '@alliance/nest-kit';
import { STATUS_LIST_PUBLISHER } from '../application/issuance.tokens';
import type { StatusListPublisher } from '../application/status/status-list-publisher';
import { STATUS_LIST_TTL_MS } from '../application/status/status-list-publisher';
import { IssuanceException } from '../domain/issuance.exception';
import { VC_MEDIA_TYPE } from './credentials.controller';

/** `microcredential-v1`, `credentials-v2`...: the bundled context files by name. */
const CONTEXTS = new Map(BUNDLED_CONTEXTS.filter((c) => c.file).map((c) => [basename(c.file!).replace(/\.(jsonld|json)$/, ''), c]));

/** What anyone may fetch: status lists (to check a credential) and the JSON-LD contexts credentials use. */
@ApiTags('public')
@Controller()
@Public()
export class PublicController {
  constructor(@Inject(STATUS_LIST_PUBLISHER) private readonly publisher: StatusListPublisher) {}

  @Get('status-lists/:id')
  @ApiProduces(VC_MEDIA_TYPE)
  @ApiOkResponse({ description: 'A BitstringStatusListCredential (2-bit entries: revoked, suspended), signed by the issuing institution' })
  @ApiOperation({ summary: 'A status list credential, as credentials point to it in credentialStatus' })
  async statusList(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const { credential } = await this.publisher.credential(id);
    res
      .status(200)
      .type(VC_MEDIA_TYPE)
      .set('Cache-Control', `public, max-age=${Math.floor(STATUS_LIST_TTL_MS / 1000)}`)
      .send(JSON.stringify(credential));
  }

  @Get('contexts/:name')
  @Header('Content-Type', 'application/ld+json')
  @Header('Cache-Control', 'public, max-age=86400, immutable')
  @ApiOperation({ summary: `A JSON-LD context credentials of this platform use (${[...CONTEXTS.keys()].join(', ')})` })
  context(@Param('name') name: string): string {
    const context = CONTEXTS.get(name.replace(/\.(jsonld|json)$/, ''));
    if (!context) throw IssuanceException.notFound('context', name, 'name');
    return readFileSync(context.file!, 'utf8');
  }

  @Get('contexts')
  @ApiOperation({ summary: 'The contexts served, with the URL credentials name them by and their SHA-256' })
  contexts() {
    return [...CONTEXTS].map(([name, c]) => ({ name, url: c.url, sha256: c.sha256, path: `/contexts/${name}` }));
  }
}
