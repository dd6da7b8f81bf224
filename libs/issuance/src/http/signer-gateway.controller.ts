import { randomUUID } from 'node:crypto';
import { SIGNER_PATHS, type SigningRequestsV1, type StatusListSigningRequestV1 } from '@alliance/contracts';
import { Public, requestContext, UuidParam } from '@alliance/nest-kit';
import { SkipThrottle } from '@nestjs/throttler';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RefuseSigningRequestCommand } from '../application/commands/refuse-signing-request';
import { signerActor } from '../application/commands/signer.command';
import { SubmitSignerProofCommand } from '../application/commands/submit-signer-proof';
import { SubmitStatusListProofCommand } from '../application/commands/submit-status-list-proof';
import { SigningRequestsQuery, StatusListSigningRequestsQuery } from '../application/queries';
import { type AuthenticatedSigner, SignerAuthentication } from '../application/signing/signer-authentication';
import { IssuanceException } from '../domain/issuance.exception';
import { SignerProofDto, SignerRefusalDto, SigningRequestsQueryDto, StatusListProofDto } from './dto/signer-gateway.dto';

/** Who sends a signer's reply: the signer itself, for its institution, under the request's correlation id. */
const signerMeta = (signer: AuthenticatedSigner) => ({
  actor: signerActor(signer),
  correlationId: requestContext.correlationId() ?? randomUUID(),
  verificationMethodId: signer.verificationMethodId,
});

/**
 * Where an institution's own signer (apps/signer) pulls its signing requests and returns proofs or refusals.
 * Not behind the staff JWT: a signer proves itself with a token signed by its institution's own key, so it is
 * not an anonymous caller and the anonymous per-address budget does not apply (signers poll).
 */
@ApiTags('signer')
@ApiBearerAuth()
@Public()
@SkipThrottle()
@Controller()
export class SignerGatewayController {
  constructor(
    private readonly auth: SignerAuthentication,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(SIGNER_PATHS.statusLists)
  @ApiOperation({ summary: "The institution's status lists whose bits changed since its signer last signed them (it is their issuer)" })
  async pendingStatusLists(@Headers('authorization') authorization: string | undefined): Promise<{ items: StatusListSigningRequestV1[] }> {
    const signer = await this.auth.authenticate(authorization);
    return { items: await this.queries.execute(new StatusListSigningRequestsQuery(signer.institutionId)) };
  }

  @Post('/signer/status-lists/:listId/proof')
  @HttpCode(200)
  @ApiOperation({ summary: "The institution's proof over one of its status lists, for the state (changedPosition) it was handed out in" })
  async statusListProof(
    @Headers('authorization') authorization: string | undefined,
    @Param('listId') listId: string,
    @Body() dto: StatusListProofDto,
  ) {
    const signer = await this.auth.authenticate(authorization);
    if (!/^[A-Za-z0-9-]{1,100}$/.test(listId))
      throw new IssuanceException('issuance.status-list-not-found', `No status list with id ${listId.slice(0, 100)}.`, 'listId');
    return this.commands.execute(
      SubmitStatusListProofCommand.create({ listId, changedPosition: dto.changedPosition, proof: dto.proof, ...signerMeta(signer) }),
    );
  }

  @Get(SIGNER_PATHS.requests)
  @ApiOperation({
    summary:
      "Credentials waiting for the calling institution's proof (oldest first), each with its unsigned document, definition and results",
  })
  async pending(
    @Headers('authorization') authorization: string | undefined,
    @Query() q: SigningRequestsQueryDto,
  ): Promise<SigningRequestsV1> {
    const signer = await this.auth.authenticate(authorization);
    return { items: await this.queries.execute(new SigningRequestsQuery(signer, q.limit)) };
  }

  @Post('/signer/requests/:credentialId/proof')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The institution's proof over a request's document; checked (signature, key bound to the institution, valid at validFrom) before it counts",
  })
  async proof(
    @Headers('authorization') authorization: string | undefined,
    @UuidParam('credentialId') credentialId: string,
    @Body() dto: SignerProofDto,
  ) {
    const signer = await this.auth.authenticate(authorization);
    return this.commands.execute(SubmitSignerProofCommand.create({ credentialId, proof: dto.proof, ...signerMeta(signer) }));
  }

  @Post('/signer/requests/:credentialId/refusal')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The institution's signer declines, with a reason: the credential is held (GET /signature-refusals) until the request is reopened",
  })
  async refusal(
    @Headers('authorization') authorization: string | undefined,
    @UuidParam('credentialId') credentialId: string,
    @Body() dto: SignerRefusalDto,
  ) {
    const signer = await this.auth.authenticate(authorization);
    return this.commands.execute(
      RefuseSigningRequestCommand.create({ credentialId, code: dto.code, reason: dto.reason, ...signerMeta(signer) }),
    );
  }
}
