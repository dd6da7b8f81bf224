import { sign } from 'node:crypto';
import { decodePublicKeyMultibase, type Jwk, type JwsSigner, publicKeyFromBytes } from '@alliance/credentials';
import { chooseSigningKey } from '../../domain/signing/signing-key-choice';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { KnowledgeReader } from '../knowledge/knowledge-reader';
import type { KeyCustody } from '../ports/key-custody.port';

/** Why the lead awarding body cannot sign a Learning Credential now. */
export type LearningCredentialUnsignable = { unsignable: string };

/**
 * Signs EUDI Learning Credentials for the lead awarding body with the Ed25519 key the platform holds for it under
 * the institution's own delegation (the key its DID document lists, `kid` naming that verification method), and
 * publishes those keys for SD-JWT VC issuer key resolution. An institution that signs only with its own signer
 * has no key here: its wallets get the Open Badges credential only.
 */
export class LearningCredentialSigning {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
    private readonly custody: KeyCustody,
  ) {}

  async signerFor(institutionId: string, at: string): Promise<JwsSigner | LearningCredentialUnsignable> {
    const held = (await this.aggregates.signer.load(institutionId)).state?.keys ?? [];
    const choice = chooseSigningKey(await this.knowledge.institution(institutionId), held, at);
    if (!choice.usable) return { unsignable: choice.reason };
    const privateKey = await this.custody.privateKey(institutionId, choice.keyRef);
    if (!privateKey) return { unsignable: 'key-not-in-vault' };
    return {
      alg: 'EdDSA',
      kid: choice.key.verificationMethodId,
      sign: async (signingInput) => sign(null, Buffer.from(signingInput), privateKey).toString('base64url'),
    };
  }

  /** The registered keys the platform holds for the institution, as public JWKs named by verification method. */
  async issuerKeys(institutionId: string): Promise<Jwk[]> {
    const institution = await this.knowledge.institution(institutionId);
    const held = new Set(((await this.aggregates.signer.load(institutionId)).state?.keys ?? []).map((k) => k.publicKeyMultibase));
    return (institution?.keys ?? [])
      .filter((key) => held.has(key.publicKeyMultibase))
      .map((key) => ({
        ...(publicKeyFromBytes(decodePublicKeyMultibase(key.publicKeyMultibase)).export({ format: 'jwk' }) as Jwk),
        kid: key.verificationMethodId,
        alg: 'EdDSA',
        use: 'sig',
      }));
  }
}
