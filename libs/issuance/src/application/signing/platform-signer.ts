import { type CryptosuiteName, type DataIntegrityProof, type DocumentLoader, signCredential, type Signer } from '@alliance/credentials';
import type { Credential } from '../../domain/credential/credential.state';
import type { MemberStanding } from '../../domain/knowledge/member-standing';
import { chooseSigningKey, type SigningKeyChoice } from '../../domain/signing/signing-key-choice';
import { delegatesAutomaticSigning } from '../../domain/signing/signer.state';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { KnowledgeReader } from '../knowledge/knowledge-reader';
import type { KeyCustody } from '../ports/key-custody.port';

/** A proof the platform made for an institution, with that institution's standing when it was made. */
export type PlatformProof = { institutionId: string; standing: MemberStanding; proof: DataIntegrityProof };
export type Unsignable = { institutionId: string; reason: Extract<SigningKeyChoice, { usable: false }>['reason'] | 'key-not-in-vault' };

/**
 * Makes proofs with keys the platform holds: for each institution, a key the registry bound to it and valid
 * at the credential's validFrom, opened from the vault. All proofs of one call share one canonicalization.
 */
export class PlatformSigner {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
    private readonly custody: KeyCustody,
    private readonly documentLoader?: DocumentLoader,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Institutions among `candidates` whose own admin delegated signing to the platform (automatic policy, recorded as theirs). */
  async automaticSigners(candidates: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const id of candidates) {
      const signer = (await this.aggregates.signer.load(id)).state;
      if (delegatesAutomaticSigning(signer)) out.push(id);
    }
    return out;
  }

  async sign(credential: Credential, institutionIds: string[]): Promise<{ proofs: PlatformProof[]; unsignable: Unsignable[] }> {
    const validFrom = String(credential.document['validFrom'] ?? credential.awardedAt);
    const signers: (Signer & { institutionId: string; standing: MemberStanding })[] = [];
    const unsignable: Unsignable[] = [];
    for (const institutionId of institutionIds) {
      const held = (await this.aggregates.signer.load(institutionId)).state?.keys ?? [];
      const institution = await this.knowledge.institution(institutionId);
      const choice = chooseSigningKey(institution, held, validFrom);
      if (!choice.usable) {
        unsignable.push({ institutionId, reason: choice.reason });
        continue;
      }
      const privateKey = await this.custody.privateKey(institutionId, choice.keyRef);
      if (!privateKey) {
        unsignable.push({ institutionId, reason: 'key-not-in-vault' });
        continue;
      }
      signers.push({
        institutionId,
        standing: institution?.status ?? 'not-registered',
        verificationMethod: choice.key.verificationMethodId,
        privateKey,
        cryptosuite: credential.cryptosuite as CryptosuiteName,
        created: this.clock(),
      });
    }
    if (signers.length === 0) return { proofs: [], unsignable };
    const signed = await signCredential(credential.document, signers, this.documentLoader ? { documentLoader: this.documentLoader } : {});
    const proofs = signed.proof
      .slice(-signers.length)
      .map((proof, i) => ({ institutionId: signers[i].institutionId, standing: signers[i].standing, proof }));
    return { proofs, unsignable };
  }
}
