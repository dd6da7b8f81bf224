import { Controller, Get, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { credentialPdf, type JsonObject } from '@alliance/credentials';
import { type AuthenticatedActor, CurrentActor, Roles, UuidParam } from '@alliance/nest-kit';
import { ShareCredentialCommand } from '../application/commands';
import { ShareLinks } from '../application/credential-share/share-links';
import { SharedCredentials } from '../application/credential-share/shared-credentials';
import type { CredentialSummary } from '../application/ports/credential-queries.port';
import { GetCredentialQuery } from '../application/queries';
import { commandMeta } from './command-meta';
import { requireReadable, requireSigned } from './credential-access';

/** A PDF's link lives a year; a link of the learner's with at least this many days left is reused instead. */
const PDF_LINK_DAYS = 365;
const REUSE_WITH_DAYS_LEFT = 90;

const STATUS: Record<CredentialSummary['lifecycle'], string> = {
  issued: 'Valid',
  suspended: 'Suspended',
  revoked: 'Revoked',
  'collecting-proofs': 'Being signed',
};

/**
 * A learner's credential as a PDF to print or attach: the Annex I elements in plain words and a QR code an employer
 * scans to check it on the verification page. For a valid credential the code is one of the learner's share links
 * (listed with the others, withdrawable); for a suspended or revoked one it is the page itself.
 */
@ApiTags('credentials')
@ApiBearerAuth()
@Controller('credentials/:id/pdf')
@Roles('learner')
export class CredentialPdfController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly links: ShareLinks,
    private readonly shared: SharedCredentials,
  ) {}

  @Get()
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      "The learner's credential as a PDF (A4): status, Annex I in plain words, and a QR code of a share link (valid a year) that opens it on the verification page",
  })
  @ApiOkResponse({ description: 'application/pdf' })
  async pdf(@UuidParam('id') id: string, @CurrentActor() actor: AuthenticatedActor, @Res() res: Response): Promise<void> {
    const found = await this.queries.execute(new GetCredentialQuery(id));
    const summary = requireSigned(requireReadable(actor, found?.summary, id));
    const status = STATUS[summary.lifecycle] + (summary.statusReason && summary.lifecycle !== 'issued' ? `: ${summary.statusReason}` : '');
    const pdf = await credentialPdf({ credential: found!.secured as JsonObject, verifyUrl: await this.verifyUrl(actor, summary), status });
    res
      .status(200)
      .type('application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="credential-${id}.pdf"`)
      .setHeader('Cache-Control', 'no-store')
      .send(Buffer.from(pdf));
  }

  private async verifyUrl(actor: AuthenticatedActor, summary: CredentialSummary): Promise<string> {
    if (summary.lifecycle !== 'issued') return this.links.page();
    const credentialId = summary.credentialId;
    const enough = Date.now() + REUSE_WITH_DAYS_LEFT * 86_400_000;
    const reusable = (await this.shared.list(actor, credentialId)).find(
      (s) => s.standing === 'active' && Date.parse(s.expiresAt) >= enough,
    );
    if (reusable) return this.links.url({ credentialId, shareId: reusable.shareId });
    const made = await this.commands.execute(
      ShareCredentialCommand.create({ credentialId, expiresInDays: PDF_LINK_DAYS, ...commandMeta(actor) }),
    );
    return made.url;
  }
}
