import type { JsonObject } from '../data-integrity/types';

/**
 * The DIDs that must each have signed a credential under the co-issuance policy: the issuer and every
 * awarding body listed in the achievement. Read from the document, whose content every proof covers.
 */
export function requiredCoIssuersOf(credential: JsonObject): string[] {
  const issuer = credential.issuer;
  const issuerId = typeof issuer === 'string' ? issuer : (issuer as JsonObject | undefined)?.id;
  const achievement = ((credential.credentialSubject as JsonObject | undefined)?.achievement ?? {}) as JsonObject;
  const bodies = Array.isArray(achievement.awardingBody) ? (achievement.awardingBody as JsonObject[]) : [];
  const ids = [issuerId, ...bodies.map((b) => b?.id)].filter((id): id is string => typeof id === 'string' && id.length > 0);
  return [...new Set(ids)];
}
