import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedActor, CurrentActor, Public, requestContext, VerbatimText } from '@alliance/nest-kit';
import { VerifyCredentialCommand } from '../application/commands/verify-credential';
import { VerificationException } from '../domain/verification.exception';

/** A presented credential: the document itself, or wrapped as `{ "credential": … }` / `{ "verifiableCredential": … }`. */
function presented(body: unknown): unknown {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new VerificationException('verification.body.not-json', 'the body must be a credential as JSON', 'body');
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) {
    throw new VerificationException('verification.body.credential-required', 'send the credential to check as the JSON body', 'body');
  }
  const wrapper = value as Record<string, unknown>;
  if (!('@context' in wrapper)) return wrapper['credential'] ?? wrapper['verifiableCredential'] ?? value;
  return value;
}

@ApiTags('verification')
@Controller('verifications')
export class VerificationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Public()
  @HttpCode(200)
  // The credential is checked as signed: its text is never normalised or cut at the edge.
  @VerbatimText()
  @ApiOperation({
    summary:
      'Check a credential: schema, every proof, every awarding body signed with a key the registry held valid at validFrom, status, validity dates, Annex I. Returns each check and the verdict: valid (alliance members only), invalid, indeterminate (something could not be checked) or unverified-issuer (signatures intact, issuer not in the alliance registry).',
  })
  @ApiBody({
    description: 'The credential (application/json or application/vc+ld+json)',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiOkResponse({ description: 'The report; a forged or revoked credential is a report with verdict "invalid", not an HTTP error' })
  async verify(@Body() body: unknown, @CurrentActor() actor?: AuthenticatedActor) {
    const credential = presented(body);
    return this.commands.execute(
      VerifyCredentialCommand.create({
        credential,
        actor: actor ?? { subject: 'public' },
        correlationId: requestContext.correlationId() ?? randomUUID(),
      }),
    );
  }
}
