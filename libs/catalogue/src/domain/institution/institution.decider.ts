import { type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { CatalogueException, violation } from '../catalogue.exception';
import type { InstitutionCommand } from './institution.commands';
import type { InstitutionEvent } from './institution.events';
import { profileViolations } from './institution.rules';
import { type Institution, type InstitutionState, evolveInstitution, initialInstitutionState } from './institution.state';
import { keyCoversInstant, newKeyRecord } from './signing-keys';

export function decideInstitution(command: InstitutionCommand, state: InstitutionState, context: DecisionContext): InstitutionEvent[] {
  const now = context.now.toISOString();
  if (command.type === 'RegisterInstitution') {
    if (state) throw CatalogueException.conflict('institution.already-registered', `institution ${state.institutionId} already exists`);
    const { institutionId, name, legalName, countryCode, region, homepage, did } = command;
    const profile = { name, legalName, countryCode, ...(region !== undefined ? { region } : {}), homepage, did };
    const errors = profileViolations(profile);
    if (errors.length > 0) throw CatalogueException.invalid(errors);
    return [{ type: 'InstitutionRegistered', data: { institutionId, ...profile, registeredAt: now } }];
  }
  const institution = requireInstitution(state);
  const institutionId = institution.institutionId;
  switch (command.type) {
    case 'AddSigningKey': {
      requireNotRemoved(institution);
      return [{ type: 'SigningKeyAdded', data: { institutionId, key: newKeyRecord(institution, command.key, now, 'key') } }];
    }
    case 'RotateSigningKey': {
      requireNotRemoved(institution);
      const previous = institution.keys.find((k) => k.keyId === command.previousKeyId);
      if (!previous) throw CatalogueException.notFound('signing-key', command.previousKeyId, 'keyId');
      if (!keyCoversInstant(previous, now)) {
        throw CatalogueException.conflict('key.not-current', `key ${previous.keyId} is not currently valid, so it cannot be rotated; add a new key instead`, 'keyId');
      }
      const newKey = newKeyRecord(institution, { ...command.newKey, validFrom: now }, now, 'newKey');
      return [
        {
          type: 'SigningKeyRotated',
          data: { institutionId, previousKeyId: previous.keyId, previousValidUntil: now, newKey, ...(command.reason ? { reason: command.reason } : {}) },
        },
      ];
    }
    case 'SuspendInstitution':
      requireReason(command.reason);
      if (institution.status !== 'active') {
        throw CatalogueException.conflict('institution.not-active', `institution is ${institution.status}; only an active member can be suspended`);
      }
      return [{ type: 'InstitutionSuspended', data: { institutionId, reason: command.reason, suspendedAt: now } }];
    case 'ReinstateInstitution':
      if (institution.status !== 'suspended') {
        throw CatalogueException.conflict('institution.not-suspended', `institution is ${institution.status}; only a suspended member can be reinstated`);
      }
      return [{ type: 'InstitutionReinstated', data: { institutionId, reinstatedAt: now } }];
    case 'RemoveInstitution':
      requireReason(command.reason);
      requireNotRemoved(institution);
      return [{ type: 'InstitutionRemoved', data: { institutionId, reason: command.reason, removedAt: now } }];
  }
}

function requireInstitution(state: InstitutionState): Institution {
  if (!state) throw CatalogueException.notFound('institution');
  return state;
}

function requireNotRemoved(institution: Institution): void {
  if (institution.status === 'removed') {
    throw CatalogueException.conflict('institution.removed', 'the institution has been removed from the alliance; its record is read-only');
  }
}

function requireReason(reason: string): void {
  if (typeof reason !== 'string' || reason.trim().length === 0 || reason.length > 1000) {
    throw CatalogueException.invalid([violation('reason', 'reason.required', 'reason must be 1 to 1000 characters')]);
  }
}

/** The institution aggregate in the decider shape the kernel's command handler runs. */
export const institutionDecider = defineDecider<InstitutionCommand, InstitutionState, InstitutionEvent>({
  decide: decideInstitution,
  evolve: evolveInstitution,
  initialState: initialInstitutionState,
});
