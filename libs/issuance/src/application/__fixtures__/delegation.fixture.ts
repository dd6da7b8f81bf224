import type { KeyPossessionChallengeV1 } from '@alliance/contracts';
import { randomBytes } from 'node:crypto';
import { IssuanceAggregates } from '../issuance-aggregates';

/** An admin of the institution itself: the only account that may delegate its signing. */
export const institutionAdmin = (institutionId: string) => ({
  subject: `admin-of-${institutionId}`,
  role: 'institution-admin',
  institution: institutionId,
});

/** A possession challenge as the catalogue would issue it (the issuance side only signs it). */
export function possessionChallenge(institutionId: string, keyId: string): KeyPossessionChallengeV1 {
  return {
    type: 'alliance-key-possession',
    institutionId,
    keyId,
    nonce: randomBytes(32).toString('base64url'),
    expiresAt: new Date(Date.now() + 600_000).toISOString(),
  };
}

/** The institution's admin delegates signing to the platform: the automatic policy, recorded as its decision. */
export async function delegateAutomaticSigning(aggregates: IssuanceAggregates, institutionId: string): Promise<void> {
  await aggregates.signer.handle(
    institutionId,
    { type: 'SetSigningPolicy', institutionId, member: 'active', policy: 'automatic' },
    { actor: institutionAdmin(institutionId), correlationId: 'delegation' },
  );
}
