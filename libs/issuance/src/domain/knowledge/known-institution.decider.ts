import { defineDecider } from '@alliance/event-sourcing';
import type { InstitutionSnapshot, MembershipStatus, RegisteredKey } from './institution-snapshot';
import type { InstitutionLearned, KnownInstitutionEvent } from './knowledge.events';

export type KnownInstitutionState = InstitutionSnapshot | undefined;

export type LearnInstitutionCommand =
  | { type: 'LearnInstitution'; profile: InstitutionLearned['data'] }
  | { type: 'LearnRegisteredKey'; institutionId: string; key: RegisteredKey }
  | { type: 'LearnKeyWindow'; institutionId: string; keyId: string; validUntil: string }
  | { type: 'LearnKeyRevocation'; institutionId: string; keyId: string; reason: string; revokedAt: string; compromisedSince?: string }
  | { type: 'LearnMembershipStatus'; institutionId: string; status: MembershipStatus; from: string; reason?: string };

/** Issuance's copy of a member's registry record; each fact is recorded once, however often it is delivered. */
export const knownInstitutionDecider = defineDecider<LearnInstitutionCommand, KnownInstitutionState, KnownInstitutionEvent>({
  initialState: () => undefined,
  decide(command, state) {
    switch (command.type) {
      case 'LearnInstitution':
        return state ? [] : [{ type: 'InstitutionLearned', data: command.profile }];
      case 'LearnRegisteredKey':
        if (state?.keys.some((k) => k.keyId === command.key.keyId)) return [];
        return [{ type: 'RegisteredKeyLearned', data: { institutionId: command.institutionId, key: command.key } }];
      case 'LearnKeyWindow':
        if (state?.keys.find((k) => k.keyId === command.keyId)?.validUntil === command.validUntil) return [];
        return [
          {
            type: 'RegisteredKeyWindowLearned',
            data: { institutionId: command.institutionId, keyId: command.keyId, validUntil: command.validUntil },
          },
        ];
      case 'LearnKeyRevocation': {
        const known = state?.keys.find((k) => k.keyId === command.keyId);
        if (
          known &&
          known.validUntil !== undefined &&
          Date.parse(known.validUntil) <= Date.parse(command.revokedAt) &&
          known.compromisedSince === command.compromisedSince
        )
          return [];
        const { type: _t, ...data } = command;
        return [{ type: 'RegisteredKeyRevokedLearned', data }];
      }
      case 'LearnMembershipStatus': {
        if (state?.statusHistory.some((p) => p.status === command.status && p.from === command.from)) return [];
        const { type: _t, ...data } = command;
        return [{ type: 'MembershipStatusLearned', data }];
      }
    }
  },
  evolve(state, event) {
    // Key facts can overtake the registration (separate partitions); an empty shell holds them until it arrives.
    const current: InstitutionSnapshot = state ?? {
      institutionId: event.data.institutionId,
      name: '',
      countryCode: '',
      did: '',
      status: 'active',
      statusHistory: [],
      keys: [],
    };
    switch (event.type) {
      case 'InstitutionLearned': {
        const { registeredAt, ...profile } = event.data;
        const { initialStatus, ...rest } = profile;
        const first: MembershipStatus = initialStatus ?? 'active';
        const history = [...current.statusHistory, { status: first, from: registeredAt }].sort(
          (a, b) => Date.parse(a.from) - Date.parse(b.from),
        );
        return { ...current, ...rest, statusHistory: history, status: history[history.length - 1].status };
      }
      case 'RegisteredKeyLearned':
        return { ...current, keys: [...current.keys, event.data.key] };
      case 'RegisteredKeyWindowLearned':
        return {
          ...current,
          keys: current.keys.map((k) => (k.keyId === event.data.keyId ? { ...k, validUntil: event.data.validUntil } : k)),
        };
      case 'RegisteredKeyRevokedLearned': {
        const { keyId, revokedAt, compromisedSince } = event.data;
        return {
          ...current,
          keys: current.keys.map((k) =>
            k.keyId !== keyId
              ? k
              : {
                  ...k,
                  validUntil: k.validUntil !== undefined && Date.parse(k.validUntil) < Date.parse(revokedAt) ? k.validUntil : revokedAt,
                  ...(compromisedSince !== undefined ? { compromisedSince } : {}),
                },
          ),
        };
      }
      case 'MembershipStatusLearned': {
        const history = [...current.statusHistory, { status: event.data.status, from: event.data.from }].sort(
          (a, b) => Date.parse(a.from) - Date.parse(b.from),
        );
        return { ...current, statusHistory: history, status: history[history.length - 1].status };
      }
    }
  },
});
