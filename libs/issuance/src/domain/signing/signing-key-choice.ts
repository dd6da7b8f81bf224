import { type InstitutionSnapshot, keyCovers, membershipAt, type RegisteredKey } from '../knowledge/institution-snapshot';
import type { GeneratedKey } from './signer.state';

export type SigningKeyChoice =
  | { usable: true; key: RegisteredKey; keyRef: string }
  | {
      usable: false;
      reason:
        'institution-unknown' | 'institution-not-active' | 'no-platform-key' | 'no-registered-platform-key' | 'no-key-valid-at-instant';
    };

/**
 * Picks the key the platform may sign with for an institution at `at` (the credential's validFrom), for a member
 * active then and now: one the
 * catalogue registered for it, whose window covers `at`, and whose private half the platform holds. Among
 * several, the most recently started one, so a rotation takes effect at once.
 */
export function chooseSigningKey(institution: InstitutionSnapshot | undefined, held: GeneratedKey[], at: string): SigningKeyChoice {
  if (!institution) return { usable: false, reason: 'institution-unknown' };
  // Active at the credential's validFrom, and still now: the platform never signs for a member suspended or removed since.
  if (membershipAt(institution, at) !== 'active' || institution.status !== 'active')
    return { usable: false, reason: 'institution-not-active' };
  if (held.length === 0) return { usable: false, reason: 'no-platform-key' };
  const byPublicKey = new Map(held.map((k) => [k.publicKeyMultibase, k.keyRef]));
  const registered = institution.keys.filter((k) => byPublicKey.has(k.publicKeyMultibase));
  if (registered.length === 0) return { usable: false, reason: 'no-registered-platform-key' };
  const covering = registered.filter((k) => keyCovers(k, at)).sort((a, b) => Date.parse(b.validFrom) - Date.parse(a.validFrom));
  if (covering.length === 0) return { usable: false, reason: 'no-key-valid-at-instant' };
  return { usable: true, key: covering[0], keyRef: byPublicKey.get(covering[0].publicKeyMultibase)! };
}
