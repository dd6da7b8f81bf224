import { type AuthenticatedActor, CurrentActor, Roles, UuidParam } from '@alliance/nest-kit';
import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AggregateHandlers } from '../application/issuance-handlers';
import { issuanceStreams } from '../application/issuance-streams';
import { AGGREGATE_HANDLERS, CREDENTIAL_QUERIES, ISSUANCE_QUERIES, KNOWLEDGE } from '../application/issuance.tokens';
import type { KnowledgeReader } from '../application/knowledge/knowledge-reader';
import type { IssuanceQueries } from '../application/ports/issuance-queries.port';
import type { CredentialQueries } from '../application/ports/credential-queries.port';
import { signatureStatus, type SignatureStatus } from '../application/signing/signature-status';
import { IssuanceException } from '../domain/issuance.exception';
import { commandMeta } from './command-meta';
import { requireReadable } from './credential-access';
import { StatusChangeDto } from './dto/status-change.dto';

/** Who signed a credential, who is awaited and since when, and which signers declined (held credentials). */
@ApiTags('signing')
@ApiBearerAuth()
@Controller()
export class SignatureStatusController {
  constructor(
    @Inject(AGGREGATE_HANDLERS) private readonly aggregates: AggregateHandlers,
    @Inject(CREDENTIAL_QUERIES) private readonly queries: CredentialQueries,
    @Inject(ISSUANCE_QUERIES) private readonly pending: IssuanceQueries,
    @Inject(KNOWLEDGE) private readonly knowledge: KnowledgeReader,
  ) {}

  @Get('credentials/:id/signatures')
  @Roles('alliance-admin', 'institution-admin', 'registrar', 'auditor', 'learner')
  @ApiOperation({
    summary:
      "Each awarding body's proof: signed (with its own signer or key, or by the platform under its delegation), awaited since when, or refused with the signer's reason",
  })
  async signatures(@UuidParam('id') id: string, @CurrentActor() actor: AuthenticatedActor): Promise<SignatureStatus> {
    requireReadable(actor, (await this.queries.get(id))?.summary, id);
    const credential = (await this.aggregates.credentials.load(issuanceStreams.credential(id))).state;
    if (!credential) throw new IssuanceException('issuance.credential-not-found', `No credential with id ${id}.`, 'id');
    return signatureStatus(credential);
  }

  @Get('signature-refusals')
  @Roles('alliance-admin', 'institution-admin', 'auditor')
  @ApiOperation({
    summary:
      "Credentials held because an awarding body's signer declined, with its reason (an institution admin sees its own institution's credentials)",
  })
  async refusals(@CurrentActor() actor: AuthenticatedActor) {
    const items: SignatureStatus[] = [];
    for (const credentialId of await this.pending.pendingCredentials()) {
      const credential = (await this.aggregates.credentials.load(issuanceStreams.credential(credentialId))).state;
      if (!credential || !(credential.refusals ?? []).length) continue;
      if (actor.role === 'institution-admin' && !credential.awardingBodies.some((b) => b.institutionId === actor.institution)) continue;
      items.push(signatureStatus(credential));
    }
    return { items, total: items.length };
  }

  @Post('credentials/:id/signature-requests/:institutionId/reopen')
  @Roles('alliance-admin', 'institution-admin')
  @ApiOperation({
    summary:
      "Ask a signer that declined again (after the cause was dealt with); its own policy decides again. The institution's admin or an alliance admin.",
  })
  async reopen(
    @UuidParam('id') id: string,
    @UuidParam('institutionId') institutionId: string,
    @Body() dto: StatusChangeDto,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    if (actor.role === 'institution-admin' && actor.institution !== institutionId) {
      throw new IssuanceException(
        'issuance.signature.not-own-institution',
        `only an admin of institution ${institutionId} or an alliance admin may reopen its signing request`,
        'institutionId',
      );
    }
    requireReadable(actor, (await this.queries.get(id))?.summary, id);
    const meta = commandMeta(actor);
    // An institution's admin acts for its institution, whose standing the credential checks; an alliance admin does not.
    const by =
      actor.role === 'institution-admin'
        ? { institutionId, standing: (await this.knowledge.institution(institutionId))?.status ?? ('not-registered' as const) }
        : undefined;
    const result = await this.aggregates.credentials.handle(
      issuanceStreams.credential(id),
      { type: 'ReopenSignatureRequest', credentialId: id, institutionId, reason: dto.reason, ...(by ? { by } : {}) },
      {
        actor: {
          subject: meta.actor.subject,
          role: meta.actor.role,
          ...(meta.actor.institution ? { institution: meta.actor.institution } : {}),
        },
        correlationId: meta.correlationId,
      },
    );
    return signatureStatus(result.state!);
  }
}
