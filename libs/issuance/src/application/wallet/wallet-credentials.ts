import { ERASED } from '@alliance/event-sourcing';
import {
  issueLearningCredential,
  type IssuedCredential,
  type Jwk,
  LEARNING_CREDENTIAL_SD_JWT,
  OPEN_BADGE_LDP_VC,
} from '@alliance/credentials';
import type { Credential } from '../../domain/credential/credential.state';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { KnowledgeReader } from '../knowledge/knowledge-reader';
import { learningCredentialFacts } from './learning-credential-facts';
import type { LearningCredentialSigning } from './learning-credential-signing';
import type { LearningCredentialStatus } from './learning-credential-status';

/** What a wallet can be handed for one configuration now. */
export type WalletCredential = { credential: IssuedCredential } | { pending: true } | { denied: string };

/**
 * Produces a credential for a wallet, bound to the wallet's key, in one configuration:
 * - `LearningCredential_dc+sd-jwt`: the EUDI Learning Credential, signed by the lead awarding body, `cnf.jwk`
 *   the wallet's key, its `status` the credential's own status list slot (as a Token Status List entry);
 * - `OpenBadgeCredential_ldp_vc`: the co-signed Open Badges credential as every awarding body signed it. Its
 *   subject is the learner as enrolment identified them; it is not re-signed for the wallet's key.
 * While awarding bodies are still signing, the answer is pending (the wallet polls the deferred endpoint).
 */
export class WalletCredentials {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
    private readonly signing: LearningCredentialSigning,
    private readonly status: LearningCredentialStatus,
    private readonly publicUrl: () => string,
    private readonly clock: () => Date,
  ) {}

  async produce(credential: Credential, configurationId: string, holderJwk: Jwk): Promise<WalletCredential> {
    if (credential.lifecycle === 'collecting-proofs') return { pending: true };
    if (credential.lifecycle !== 'issued') return { denied: `the credential is ${credential.lifecycle}` };
    if (configurationId === OPEN_BADGE_LDP_VC) {
      return { credential: { ...credential.document, proof: credential.proofs.map((p) => p.proof) } };
    }
    if (configurationId === LEARNING_CREDENTIAL_SD_JWT) return this.learningCredential(credential, holderJwk);
    return { denied: `${configurationId} is not issued here` };
  }

  private async learningCredential(credential: Credential, holderJwk: Jwk): Promise<WalletCredential> {
    const learner = (await this.aggregates.award.load(credential.awardId)).state?.learner;
    if (!learner || learner.name === ERASED) return { denied: "the learner's data was erased" };
    const spec = await this.knowledge.spec(credential.specId, credential.specVersion);
    if (!spec) return { denied: 'the definition of the credential is not known here yet' };
    const bodies = credential.awardingBodies.map((b) => b.institutionId);
    const known = await this.knowledge.institutions(bodies);
    const institutions = bodies.map((id) => known.get(id)).filter((i) => i !== undefined);
    const lead = credential.awardingBodies.find((b) => b.lead)?.institutionId ?? bodies[0];
    const signer = await this.signing.signerFor(lead, this.clock().toISOString());
    if ('unsignable' in signer) return { denied: `the lead awarding body cannot sign it now (${signer.unsignable})` };
    const facts = learningCredentialFacts({
      credential,
      learner,
      spec,
      institutions: [...institutions].sort((a, b) => Number(b.institutionId === lead) - Number(a.institutionId === lead)),
      iss: learningCredentialIssuer(this.publicUrl(), lead),
    });
    return {
      credential: await issueLearningCredential({
        facts,
        holderJwk,
        signer,
        status: this.status.reference(credential.status),
        now: this.clock(),
      }),
    };
  }
}

/** The SD-JWT VC issuer of an awarding body: its keys are at `/.well-known/jwt-vc-issuer/institutions/<id>`. */
export const learningCredentialIssuer = (publicUrl: string, institutionId: string) =>
  `${publicUrl.replace(/\/+$/, '')}/institutions/${encodeURIComponent(institutionId)}`;
