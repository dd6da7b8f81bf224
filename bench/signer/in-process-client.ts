/**
 * A signer's connection to the platform without the network: the three calls a signer makes go straight to
 * issuance's SigningRequests, as the signer gateway would make them once it has authenticated the signer.
 * No HTTP, no JSON round trip, no bearer token: what is timed is signing, checking and recording proofs.
 */
import { randomUUID } from 'node:crypto';
import type { SigningRequestV1, StatusListSigningRequestV1 } from '@alliance/contracts';
import { type CommandContext, isDomainError } from '@alliance/event-sourcing';
import { PlatformClient, PlatformError } from '@alliance/signer';
import type { AuthenticatedSigner } from '../../libs/issuance/src/application/signing/signer-authentication';
import type { SigningRequests } from '../../libs/issuance/src/application/signing/signing-requests';

export class InProcessPlatformClient extends PlatformClient {
  constructor(
    private readonly requests: SigningRequests,
    private readonly signer: AuthenticatedSigner,
  ) {
    super('http://in-process.invalid', () => Promise.reject(new Error('the in-process transport sends no bearer token')));
  }

  override pending(limit = 20): Promise<SigningRequestV1[]> {
    return this.answer(() => this.requests.pending(this.signer, limit));
  }

  override submitProof(credentialId: string, proof: Record<string, unknown>): Promise<{ lifecycle: string; awaiting: string[] }> {
    return this.answer(() => this.requests.submitProof(this.signer, credentialId, proof, this.context()));
  }

  override refuse(credentialId: string, code: string, reason: string): Promise<unknown> {
    return this.answer(() => this.requests.refuse(this.signer, credentialId, code, reason, this.context()));
  }

  /** Status lists are not part of what is measured: they are signed once per change, not per credential. */
  override pendingStatusLists(): Promise<StatusListSigningRequestV1[]> {
    return Promise.resolve([]);
  }

  private context(): CommandContext {
    return {
      actor: { subject: `signer:${this.signer.verificationMethodId}`, role: 'institution-signer', institution: this.signer.institutionId },
      correlationId: randomUUID(),
    };
  }

  /** Domain errors reach the signer as the gateway's problem answers would, so it settles them the same way. */
  private async answer<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      if (!isDomainError(e)) throw e;
      throw new PlatformError(e.status, { code: e.code, title: e.message, detail: e.message }, `in-process ${e.status}: ${e.message}`);
    }
  }
}
