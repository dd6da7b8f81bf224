import type { MembershipStatus, RegisteredInstitution, RegisteredKey } from './registered-institution';

/**
 * How each catalogue fact changes a member's record. Pure, and each idempotent on its own (the inbox already
 * applies a message once; keys are matched by id and periods by instant so a replay changes nothing).
 */
export const registryUpdates = {
  registered(current: RegisteredInstitution | undefined, profile: Omit<RegisteredInstitution, 'statusHistory' | 'keys'> & { registeredAt: string }): RegisteredInstitution {
    const { registeredAt, ...rest } = profile;
    const history = current?.statusHistory.length ? current.statusHistory : [{ status: 'active' as const, from: registeredAt }];
    return { ...rest, statusHistory: history, keys: current?.keys ?? [] };
  },

  keyAdded(current: RegisteredInstitution, key: RegisteredKey): RegisteredInstitution {
    if (current.keys.some((k) => k.keyId === key.keyId)) return current;
    return { ...current, keys: [...current.keys, key] };
  },

  keyClosed(current: RegisteredInstitution, keyId: string, validUntil: string): RegisteredInstitution {
    return { ...current, keys: current.keys.map((k) => (k.keyId === keyId ? { ...k, validUntil } : k)) };
  },

  standing(current: RegisteredInstitution, status: MembershipStatus, from: string, reason?: string): RegisteredInstitution {
    if (current.statusHistory.some((p) => p.status === status && p.from === from)) return current;
    const history = [...current.statusHistory, { status, from, ...(reason ? { reason } : {}) }].sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
    return { ...current, statusHistory: history };
  },
};
