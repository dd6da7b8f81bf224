import { randomUUID } from 'node:crypto';
import { SIGNER_PATHS, type SigningRequestsV1, type StatusListSigningRequestV1 } from '@alliance/contracts';
import type { CommandContext } from '@alliance/event-sourcing';
import { Public, requestContext, UuidParam } from '@alliance/nest-kit';
import { SkipThrottle } from '@nestjs/throttler';
import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SIGNER_AUTHENTICATION, SIGNING_REQUESTS, STATUS_LIST_PUBLISHER } from '../application/issuance.tokens';
import type { StatusListPublisher } from '../application/status/status-list-publisher';
import type { AuthenticatedSigner, SignerAuthentication } from '../application/signing/signer-authentication';
import type { SigningRequests } from '../application/signing/signing-requests';
import { IssuanceException } from '../domain/issuance.exception';
import { SignerProofDto, SignerRefusalDto, SigningRequestsQueryDto, StatusListProofDto } from './dto/signer-gateway.dto';

const signerContext = (signer: AuthenticatedSigner): CommandContext => ({
  actor: { subject: `signer:${signer.verificationMethodId}`, role: 'institution-signer', institution: signer.institutionId },
  correlationId: requestContext.correlationId() ?? randomUUID(),
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
    @Inject(SIGNER_AUTHENTICATION) private readonly auth: SignerAuthentication,
    @Inject(SIGNING_REQUESTS) private readonly requests: SigningRequests,
    @Inject(STATUS_LIST_PUBLISHER) private readonly statusLists: StatusListPublisher,
  ) {}

  @Get(SIGNER_PATHS.statusLists)
  @ApiOperation({ summary: "The institution's status lists whose bits changed since its signer last signed them (it is their issuer)" })
  async pendingStatusLists(@Headers('authorization') authorization: string | undefined): Promise<{ items: StatusListSigningRequestV1[] }> {
    const signer = await this.auth.authenticate(authorization);
    return { items: await this.statusLists.pendingFor(signer.institutionId) };
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
    return this.statusLists.acceptSignerProof(signer.institutionId, listId, dto.changedPosition, dto.proof);
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
    return { items: await this.requests.pending(signer, q.limit) };
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
    return this.requests.submitProof(signer, credentialId, dto.proof, signerContext(signer));
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
    return this.requests.refuse(signer, credentialId, dto.code, dto.reason, signerContext(signer));
  }
}
