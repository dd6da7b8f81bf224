import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SERVED_CONTEXTS, servedContextBytes, servedContextUrl } from '@alliance/credentials';
import { Public } from '@alliance/nest-kit';
import { contextBaseUrlOf } from '../application/issuance-contexts';
import type { IssuanceSettings } from '../application/issuance-settings';
import { ISSUANCE_SETTINGS } from '../application/issuance.tokens';
import { IssuanceException } from '../domain/issuance.exception';

export const JSON_LD_MEDIA_TYPE = 'application/ld+json';
/** A served context never changes under its URL (a new content gets a new version), so caches may keep it for good. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
const INDEX_CACHE_CONTROL = 'public, max-age=300';

/** The bytes of each served context, read and checked against their pinned digests once, at start-up. */
const SERVED = new Map(SERVED_CONTEXTS.map((c) => [c.path, { ...c, bytes: servedContextBytes(c), etag: `"sha256-${c.sha256}"` }]));

/**
 * The JSON-LD contexts credentials name, for any verifier to fetch: byte-for-byte the pinned copies every
 * verifier of this platform bundles, with a strong ETag (their SHA-256), cacheable forever, readable cross-origin.
 */
@ApiTags('public')
@Controller('contexts')
@Public()
export class ContextsController {
  constructor(@Inject(ISSUANCE_SETTINGS) private readonly settings: IssuanceSettings) {}

  @Get()
  @ApiOperation({ summary: 'The contexts served: the URL credentials name each by, and the SHA-256 of its bytes' })
  @ApiOkResponse({ description: '`{ contexts: [{ url, sha256, mediaType }] }`' })
  index(@Res() res: Response): void {
    const base = contextBaseUrlOf(this.settings);
    const contexts = [...SERVED.values()].map((c) => ({
      url: servedContextUrl(base, c.path),
      sha256: c.sha256,
      mediaType: JSON_LD_MEDIA_TYPE,
    }));
    res.status(200).set({ 'Cache-Control': INDEX_CACHE_CONTROL, 'Access-Control-Allow-Origin': '*' }).json({ contexts });
  }

  @Get(':name/:version')
  @ApiProduces(JSON_LD_MEDIA_TYPE)
  @ApiOperation({ summary: `A JSON-LD context, immutable under its URL (${[...SERVED.keys()].join(', ')})` })
  @ApiOkResponse({ description: 'The context document; its ETag is its SHA-256, as the index lists it' })
  @ApiNotFoundResponse({ description: 'No context is served under that name and version' })
  context(@Param('name') name: string, @Param('version') version: string, @Res() res: Response): void {
    const context = SERVED.get(`${name}/${version}`);
    if (!context) throw new IssuanceException('issuance.context-not-found', `No context with id ${name}/${version}.`, 'path');
    // Express answers 304 itself when If-None-Match carries this ETag.
    res
      .status(200)
      .set({
        'Content-Type': JSON_LD_MEDIA_TYPE,
        ETag: context.etag,
        'Cache-Control': IMMUTABLE_CACHE_CONTROL,
        'Access-Control-Allow-Origin': '*',
      })
      .send(context.bytes);
  }
}
