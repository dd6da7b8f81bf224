import { SIGNER_TOKEN_AUDIENCE, SIGNER_TOKEN_MAX_AGE_SECONDS } from '@alliance/contracts';
import { decodePublicKeyMultibase, publicKeyFromBytes } from '@alliance/credentials';
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { keyCovers } from '../../domain/knowledge/institution-snapshot';
import { requireMemberMayAct } from '../../domain/knowledge/member-standing';
import { IssuanceException } from '../../domain/issuance.exception';
import type { KnowledgeReader } from '../knowledge/knowledge-reader';

/** The institution a signer proved it speaks for, and the key it proved it with. */
export interface AuthenticatedSigner {
  institutionId: string;
  verificationMethodId: string;
}

const unauthenticated = (message: string) => new IssuanceException('issuance.signer.unauthenticated', message);

/**
 * Checks a signer's bearer JWT: signed (EdDSA) by a key the alliance registry bound to the institution the
 * token names, one the institution holds itself (custody institution), valid now, for an active member,
 * addressed to issuance's signer endpoint, and short-lived. Nothing an alliance or platform account holds
 * can pass it: the only way in is the institution's own private key.
 */
export class SignerAuthentication {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly knowledge: KnowledgeReader,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async authenticate(authorization: string | undefined): Promise<AuthenticatedSigner> {
    const token = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated('a signer authenticates with "Authorization: Bearer <JWT signed by its registered key>"');
    let kid: string | undefined;
    let institutionId: unknown;
    try {
      kid = decodeProtectedHeader(token).kid;
      institutionId = decodeJwt(token).iss;
    } catch {
      throw unauthenticated('the bearer token is not a JWT');
    }
    if (typeof kid !== 'string' || typeof institutionId !== 'string')
      throw unauthenticated('the token must name its key (kid) and institution (iss)');
    const institution = await this.knowledge.institution(institutionId);
    if (!institution) throw unauthenticated(`institution ${institutionId} is not known to issuance`);
    const now = this.clock();
    // Suspended and removed members are refused as everywhere else; a pending one as before.
    requireMemberMayAct(institutionId, institution.status);
    if (institution.status !== 'active')
      throw new IssuanceException('issuance.signer.member-not-active', `${institution.name} is ${institution.status}; it cannot sign`);
    const key = institution.keys.find((k) => k.verificationMethodId === kid);
    if (!key) throw unauthenticated(`${kid} is not a registered key of ${institution.name}`);
    if (key.custody !== 'institution')
      throw unauthenticated(`${kid} is held by the platform; a signer authenticates with a key its institution holds`);
    if (!keyCovers(key, now.toISOString())) throw unauthenticated(`${kid} is not valid now (retired, revoked or not yet started)`);
    try {
      const { payload } = await jwtVerify(token, publicKeyFromBytes(decodePublicKeyMultibase(key.publicKeyMultibase)), {
        algorithms: ['EdDSA'],
        issuer: institutionId,
        subject: institutionId,
        audience: SIGNER_TOKEN_AUDIENCE,
        maxTokenAge: SIGNER_TOKEN_MAX_AGE_SECONDS,
        requiredClaims: ['exp', 'iat', 'jti'],
        currentDate: now,
        clockTolerance: 30,
      });
      if (payload.exp! - payload.iat! > SIGNER_TOKEN_MAX_AGE_SECONDS)
        throw new Error(`a signer token lives at most ${SIGNER_TOKEN_MAX_AGE_SECONDS} s`);
      this.rememberJti(`${institutionId}:${payload.jti}`, payload.exp! * 1000, now.getTime());
    } catch (e) {
      throw unauthenticated(`the signer token was refused: ${(e as Error).message}`);
    }
    return { institutionId, verificationMethodId: kid };
  }

  // A captured token cannot be replayed within this process while it lives.
  private rememberJti(id: string, expiresAtMs: number, nowMs: number): void {
    if (this.seen.has(id)) throw new Error('the token was already used (jti)');
    this.seen.set(id, expiresAtMs);
    if (this.seen.size > 10_000) for (const [k, exp] of this.seen) if (exp < nowMs) this.seen.delete(k);
  }
}
