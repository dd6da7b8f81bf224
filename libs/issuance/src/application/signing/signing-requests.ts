import type { SigningRequestV1 } from '@alliance/contracts';
import type { DocumentLoader } from '@alliance/credentials';
import type { CommandContext } from '@alliance/event-sourcing';
import { credentialHash } from '../../domain/credential/credential-hash';
import { type Credential, refusalBy } from '../../domain/credential/credential.state';
import { IssuanceException } from '../../domain/issuance.exception';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { KnowledgeReader } from '../knowledge/knowledge-reader';
import type { IssuanceQueries } from '../ports/issuance-queries.port';
import type { AuthenticatedSigner } from './signer-authentication';
import { checkDetachedProof } from './detached-proof-check';

const MAX_BATCH = 50;

/**
 * The platform's side of an institution-run signer: which credentials wait for the institution's proof (with
 * what it needs to apply its own policy), and what it answers: a proof, checked like any other before it
 * counts, or a refusal that holds the credential with its reason. A proof that is already there is accepted
 * again without effect, so a signer that crashed after signing and sends its logged proof again changes nothing.
 */
export class SigningRequests {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
    private readonly queries: IssuanceQueries,
    private readonly contexts?: DocumentLoader,
  ) {}

  async pending(signer: AuthenticatedSigner, limit = MAX_BATCH): Promise<SigningRequestV1[]> {
    const out: SigningRequestV1[] = [];
    // The read model drops what the institution signed already; the aggregate decides the rest (it may lag).
    for (const credentialId of await this.queries.awaitingProofOf(signer.institutionId)) {
      if (out.length >= Math.min(limit, MAX_BATCH)) break;
      const credential = (await this.aggregates.credential.load(credentialId)).state;
      if (!credential || credential.lifecycle !== 'collecting-proofs') continue;
      if (credential.proofs.some((p) => p.institutionId === signer.institutionId) || refusalBy(credential, signer.institutionId)) continue;
      out.push(await this.requestOf(credential, signer.institutionId));
    }
    return out;
  }

  async submitProof(signer: AuthenticatedSigner, credentialId: string, proof: Record<string, unknown>, context: CommandContext) {
    const credential = await this.awaiting(signer, credentialId);
    const institution = await this.knowledge.institution(signer.institutionId);
    const vm = proof['verificationMethod'];
    const key = institution?.keys.find((k) => k.verificationMethodId === vm);
    if (key && key.custody !== 'institution') {
      throw new IssuanceException(
        'issuance.proof.platform-held-key',
        `${String(vm)} is a key the platform holds; a signer proves with a key its institution holds`,
        'proof.verificationMethod',
      );
    }
    const check = institution
      ? await checkDetachedProof(credential.document, proof, institution, this.contexts)
      : { valid: false as const, reason: `institution ${signer.institutionId} is not known to issuance` };
    const result = await this.aggregates.credential.handle(
      credentialId,
      {
        type: 'AddProof',
        credentialId,
        institutionId: signer.institutionId,
        standing: institution?.status ?? 'not-registered',
        method: 'institution-signer',
        proof,
        check,
      },
      context,
    );
    return {
      credentialId,
      lifecycle: result.state!.lifecycle,
      awaiting: result
        .state!.awardingBodies.filter((b) => !result.state!.proofs.some((p) => p.institutionId === b.institutionId))
        .map((b) => b.institutionId),
    };
  }

  async refuse(signer: AuthenticatedSigner, credentialId: string, code: string, reason: string, context: CommandContext) {
    await this.awaiting(signer, credentialId);
    const result = await this.aggregates.credential.handle(
      credentialId,
      { type: 'RefuseSignature', credentialId, institutionId: signer.institutionId, code, reason },
      context,
    );
    return { credentialId, lifecycle: result.state!.lifecycle, held: true, refusal: refusalBy(result.state!, signer.institutionId) };
  }

  private async awaiting(signer: AuthenticatedSigner, credentialId: string): Promise<Credential> {
    const credential = (await this.aggregates.credential.load(credentialId)).state;
    if (!credential) throw new IssuanceException('issuance.credential-not-found', `No credential with id ${credentialId}.`, 'credentialId');
    if (!credential.awardingBodies.some((b) => b.institutionId === signer.institutionId)) {
      throw new IssuanceException(
        'issuance.proof.not-awarding-body',
        `institution ${signer.institutionId} is not an awarding body of this credential`,
        'credentialId',
      );
    }
    return credential;
  }

  private async requestOf(credential: Credential, institutionId: string): Promise<SigningRequestV1> {
    const spec = await this.knowledge.spec(credential.specId, credential.specVersion);
    const track = (await this.aggregates.award.load(credential.awardId)).state;
    return {
      credentialId: credential.credentialId,
      institutionId,
      cryptosuite: credential.cryptosuite,
      document: credential.document,
      documentDigest: credentialHash(credential.document),
      definition: {
        specId: credential.specId,
        version: credential.specVersion,
        title: spec?.title ?? '',
        awardingBodies: (spec?.awardingBodies ?? []).map((b) => ({ institutionId: b.institutionId, lead: b.lead })),
        components: (spec?.components ?? []).map((c) => ({ code: c.code, title: c.title, institutionId: c.institutionId })),
      },
      learnerId: credential.learnerId,
      results: Object.values(track?.results ?? {}).map((r) => ({
        componentCode: r.componentCode,
        institutionId: r.institutionId,
        passed: r.passed,
        ...(r.grade !== undefined ? { grade: r.grade } : {}),
        assessedAt: r.assessedAt,
        resultId: r.resultId,
      })),
      signedBy: credential.proofs.map((p) => p.institutionId),
      requestedAt: String(credential.document['validFrom'] ?? credential.awardedAt),
    };
  }
}
