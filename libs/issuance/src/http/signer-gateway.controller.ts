import { randomUUID } from 'node:crypto';
import { SIGNER_PATHS, type SigningRequestsV1 } from '@alliance/contracts';
import type { CommandContext } from '@alliance/event-sourcing';
import { Public, requestContext } from '@alliance/nest-kit';
import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SIGNER_AUTHENTICATION, SIGNING_REQUESTS } from '../application/issuance.tokens';
import type { AuthenticatedSigner, SignerAuthentication } from '../application/signing/signer-authentication';
import type { SigningRequests } from '../application/signing/signing-requests';
import { SignerProofDto, SignerRefusalDto, SigningRequestsQueryDto } from './dto/signer-gateway.dto';

const signerContext = (signer: AuthenticatedSigner): CommandContext => ({
  actor: { subject: `signer:${signer.verificationMethodId}`, role: 'institution-signer', institution: signer.institutionId },
  correlationId: requestContext.correlationId() ?? randomUUID(),
});

/**
 * Where an institution's own signer (apps/signer) pulls its signing requests and returns proofs or refusals.
 * Not behind the staff JWT: a signer proves itself with a token signed by its institution's own key.
 */
@ApiTags('signer')
@ApiBearerAuth()
@Public()
@Controller()
export class SignerGatewayController {
  constructor(
    @Inject(SIGNER_AUTHENTICATION) private readonly auth: SignerAuthentication,
    @Inject(SIGNING_REQUESTS) private readonly requests: SigningRequests,
  ) {}

  @Get(SIGNER_PATHS.requests)
  @ApiOperation({ summary: "Credentials waiting for the calling institution's proof (oldest first), each with its unsigned document, definition and results" })
  async pending(@Headers('authorization') authorization: string | undefined, @Query() q: SigningRequestsQueryDto): Promise<SigningRequestsV1> {
    const signer = await this.auth.authenticate(authorization);
    return { items: await this.requests.pending(signer, q.limit) };
  }

  @Post('/signer/requests/:credentialId/proof')
  @HttpCode(200)
  @ApiOperation({ summary: "The institution's proof over a request's document; checked (signature, key bound to the institution, valid at validFrom) before it counts" })
  async proof(@Headers('authorization') authorization: string | undefined, @Param('credentialId', new ParseUUIDPipe()) credentialId: string, @Body() dto: SignerProofDto) {
    const signer = await this.auth.authenticate(authorization);
    return this.requests.submitProof(signer, credentialId, dto.proof, signerContext(signer));
  }

  @Post('/signer/requests/:credentialId/refusal')
  @HttpCode(200)
  @ApiOperation({ summary: "The institution's signer declines, with a reason: the credential is held (GET /signature-refusals) until the request is reopened" })
  async refusal(@Headers('authorization') authorization: string | undefined, @Param('credentialId', new ParseUUIDPipe()) credentialId: string, @Body() dto: SignerRefusalDto) {
    const signer = await this.auth.authenticate(authorization);
    return this.requests.refuse(signer, credentialId, dto.code, dto.reason, signerContext(signer));
  }
}
