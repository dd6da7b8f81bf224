import { type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { CatalogueException, violation } from '../catalogue.exception';
import { requireAllianceAdmin, requireOwnInstitutionAdmin } from './institution.authority';
import { type InstitutionCommand, isKeyCommand } from './institution.commands';
import type { InstitutionEvent } from './institution.events';
import { profileViolations } from './institution.rules';
import { requireMemberMayAct } from './member-standing.rules';
import { type Institution, type InstitutionState, evolveInstitution, initialInstitutionState } from './institution.state';
import { addSigningKey, issueKeyChallenge, revokeSigningKey, rotateSigningKey } from './signing-key.decisions';

export function decideInstitution(command: InstitutionCommand, state: InstitutionState, context: DecisionContext): InstitutionEvent[] {
  const now = context.now.toISOString();
  // Who may act is settled before anything about the institution is revealed (not even whether it exists).
  if (isKeyCommand(command)) {
    requireOwnInstitutionAdmin(context.actor, command.institutionId);
    // A command naming one member but routed to another's stream must not borrow the first one's admin.
    if (state && state.institutionId !== command.institutionId) requireOwnInstitutionAdmin(context.actor, state.institutionId);
  } else requireAllianceAdmin(context.actor);
  if (command.type === 'RegisterInstitution') {
    if (state)
      throw new CatalogueException('catalogue.institution.already-registered', `institution ${state.institutionId} already exists`);
    const { institutionId, name, legalName, countryCode, region, homepage, did } = command;
    const profile = { name, legalName, countryCode, ...(region !== undefined ? { region } : {}), homepage, did };
    const errors = profileViolations(profile);
    if (errors.length > 0) throw CatalogueException.invalid(errors);
    return [{ type: 'InstitutionRegistered', data: { institutionId, ...profile, registeredAt: now, status: 'pending' } }];
  }
  const institution = requireInstitution(state);
  const institutionId = institution.institutionId;
  switch (command.type) {
    case 'IssueKeyChallenge':
      requireMemberMayAct(institutionId, institution.status);
      return issueKeyChallenge(institution, command, now);
    case 'AddSigningKey':
      requireMemberMayAct(institutionId, institution.status);
      return addSigningKey(institution, command, now);
    case 'RotateSigningKey':
      requireMemberMayAct(institutionId, institution.status);
      return rotateSigningKey(institution, command, now);
    case 'RevokeSigningKey':
      // Allowed while suspended and even after removal: declaring a compromise only ever withdraws trust, and a
      // member (or former member) must always be able to say its key is no longer its own.
      requireReason(command.reason);
      return revokeSigningKey(institution, command, now);
    case 'SuspendInstitution':
      requireReason(command.reason);
      if (institution.status !== 'active') {
        throw new CatalogueException(
          'catalogue.institution.not-active',
          `institution is ${institution.status}; only an active member can be suspended`,
        );
      }
      return [{ type: 'InstitutionSuspended', data: { institutionId, reason: command.reason, suspendedAt: now } }];
    case 'ReinstateInstitution':
      if (institution.status !== 'suspended') {
        throw new CatalogueException(
          'catalogue.institution.not-suspended',
          `institution is ${institution.status}; only a suspended member can be reinstated`,
        );
      }
      return [{ type: 'InstitutionReinstated', data: { institutionId, reinstatedAt: now } }];
    case 'RemoveInstitution':
      requireReason(command.reason);
      requireNotRemoved(institution);
      return [{ type: 'InstitutionRemoved', data: { institutionId, reason: command.reason, removedAt: now } }];
  }
}

function requireInstitution(state: InstitutionState): Institution {
  if (!state) throw new CatalogueException('catalogue.institution-not-found', 'No such institution.');
  return state;
}

function requireNotRemoved(institution: Institution): void {
  if (institution.status === 'removed') {
    throw new CatalogueException(
      'catalogue.institution.removed',
      'the institution has been removed from the alliance; its record is read-only',
    );
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
