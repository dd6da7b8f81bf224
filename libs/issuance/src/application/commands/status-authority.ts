import type { StatusAuthority } from '../../domain/credential/credential.commands';
import { IssuanceException } from '../../domain/issuance.exception';
import type { CommandActor } from '../base.command';

/** Status changes by request are made by institution admins, for the institution in their token. */
export function adminAuthority(actor: CommandActor): StatusAuthority {
  if (actor.role !== 'institution-admin' || !actor.institution) {
    throw IssuanceException.forbidden('status.not-awarding-body', 'only an institution admin of an awarding body may change a credential\'s status');
  }
  return { kind: 'awarding-body-admin', institutionId: actor.institution };
}
