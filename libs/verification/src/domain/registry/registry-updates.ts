import { type AnnouncedKey, announcedKeyProblem } from '@alliance/credentials';
import type { KeyRevocation, MembershipStatus, RegisteredInstitution, RegisteredKey, UnboundKey } from './registered-institution';

type Period = RegisteredInstitution['statusHistory'][number];

/**
 * How each catalogue fact changes a member's record. Pure, and each idempotent on its own (the inbox already
 * applies a message once; keys are matched by id and periods by instant so a replay changes nothing). Where
 * two facts meet (a revocation and the key it names, two revocations of one key) the result does not depend
 * on the order they are applied in.
 */
export const registryUpdates = {
  registered(
    current: RegisteredInstitution | undefined,
    profile: Omit<RegisteredInstitution, 'statusHistory' | 'keys' | 'unboundKeys' | 'pendingRevocations'> & {
      registeredAt: string;
      status?: 'pending' | 'active';
    },
  ): RegisteredInstitution {
    const { registeredAt, status, ...rest } = profile;
    // Members registered before onboarding existed carry no status: they were active from the start.
    const history = withPeriod(current?.statusHistory ?? [], { status: status ?? 'active', from: registeredAt });
    return {
      ...rest,
      statusHistory: history,
      keys: current?.keys ?? [],
      ...(current?.unboundKeys ? { unboundKeys: current.unboundKeys } : {}),
      ...(current?.pendingRevocations ? { pendingRevocations: current.pendingRevocations } : {}),
    };
  },

  keyAdded(current: RegisteredInstitution, key: RegisteredKey): RegisteredInstitution {
    if (current.keys.some((k) => k.keyId === key.keyId)) return current;
    const waiting = current.pendingRevocations?.find((r) => r.keyId === key.keyId);
    const next = { ...current, keys: [...current.keys, waiting ? revoke(key, waiting) : key] };
    return waiting
      ? withPendingRevocations(
          next,
          (current.pendingRevocations ?? []).filter((r) => r.keyId !== key.keyId),
        )
      : next;
  },

  /**
   * A key the catalogue announced for the member: bound when its proof of possession holds (or it predates
   * such proofs), otherwise kept apart as unbound, with the reason (`refused`) for the caller to log.
   */
  keyAnnounced(current: RegisteredInstitution, key: RegisteredKey & AnnouncedKey): { record: RegisteredInstitution; refused?: string } {
    const { possession: _proof, ...registered } = key;
    const refused = announcedKeyProblem(current.institutionId, key);
    if (!refused) return { record: registryUpdates.keyAdded(current, registered) };
    return {
      record: registryUpdates.keyUnbound(current, { keyId: key.keyId, verificationMethodId: key.verificationMethodId, reason: refused }),
      refused,
    };
  },

  /** A key whose proof of possession did not verify: remembered so a report can say why it is not the member's. */
  keyUnbound(current: RegisteredInstitution, key: UnboundKey): RegisteredInstitution {
    if (current.keys.some((k) => k.keyId === key.keyId) || current.unboundKeys?.some((k) => k.keyId === key.keyId)) return current;
    return { ...current, unboundKeys: [...(current.unboundKeys ?? []), key] };
  },

  /** Ends a key's window (a rotation); a window is only ever shortened, never reopened. */
  keyClosed(current: RegisteredInstitution, keyId: string, validUntil: string): RegisteredInstitution {
    return {
      ...current,
      keys: current.keys.map((k) => (k.keyId === keyId ? { ...k, validUntil: earliest(k.validUntil, validUntil)! } : k)),
    };
  },

  /**
   * A key withdrawn by its institution: its window ends at `revokedAt` and, when it was compromised, nothing it
   * signed from `compromisedSince` on counts. A revocation of a key not known yet waits for it.
   */
  keyRevoked(current: RegisteredInstitution, revocation: KeyRevocation): RegisteredInstitution {
    if (current.keys.some((k) => k.keyId === revocation.keyId)) {
      return { ...current, keys: current.keys.map((k) => (k.keyId === revocation.keyId ? revoke(k, revocation) : k)) };
    }
    if (current.unboundKeys?.some((k) => k.keyId === revocation.keyId)) return current;
    const pending = current.pendingRevocations ?? [];
    const same = pending.find((r) => r.keyId === revocation.keyId);
    return withPendingRevocations(current, [...pending.filter((r) => r !== same), same ? mergeRevocations(same, revocation) : revocation]);
  },

  standing(current: RegisteredInstitution, status: MembershipStatus, from: string, reason?: string): RegisteredInstitution {
    const history = withPeriod(current.statusHistory, { status, from, ...(reason ? { reason } : {}) });
    return history === current.statusHistory ? current : { ...current, statusHistory: history };
  },
};

// At one instant the later step of a member's life wins (registered pending, then activated).
const RANK: Record<MembershipStatus, number> = { pending: 0, active: 1, suspended: 2, removed: 3 };

function withPeriod(history: Period[], period: Period): Period[] {
  if (history.some((p) => p.status === period.status && p.from === period.from)) return history;
  return [...history, period].sort((a, b) => Date.parse(a.from) - Date.parse(b.from) || RANK[a.status] - RANK[b.status]);
}

function revoke(key: RegisteredKey, revocation: KeyRevocation): RegisteredKey {
  const merged = key.revokedAt
    ? mergeRevocations(
        {
          keyId: key.keyId,
          reason: key.revocationReason ?? '',
          revokedAt: key.revokedAt,
          ...(key.compromisedSince ? { compromisedSince: key.compromisedSince } : {}),
        },
        revocation,
      )
    : revocation;
  return {
    ...key,
    validUntil: earliest(key.validUntil, merged.revokedAt)!,
    revokedAt: merged.revokedAt,
    revocationReason: merged.reason,
    ...(merged.compromisedSince ? { compromisedSince: merged.compromisedSince } : {}),
  };
}

/** Two revocations of one key: the earliest end, the earliest compromise, the reason of the earliest end. */
function mergeRevocations(a: KeyRevocation, b: KeyRevocation): KeyRevocation {
  const first = Date.parse(a.revokedAt) < Date.parse(b.revokedAt) || (a.revokedAt === b.revokedAt && a.reason <= b.reason) ? a : b;
  const compromisedSince = earliest(a.compromisedSince, b.compromisedSince);
  return { keyId: a.keyId, reason: first.reason, revokedAt: first.revokedAt, ...(compromisedSince ? { compromisedSince } : {}) };
}

function withPendingRevocations(record: RegisteredInstitution, pending: KeyRevocation[]): RegisteredInstitution {
  const { pendingRevocations: _dropped, ...rest } = record;
  return pending.length ? { ...rest, pendingRevocations: [...pending].sort((a, b) => (a.keyId < b.keyId ? -1 : 1)) } : rest;
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(b) < Date.parse(a) ? b : a;
}
