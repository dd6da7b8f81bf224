import type { StatusAuthority } from '../../domain/credential/credential.commands';
import { IssuanceException } from '../../domain/issuance.exception';
import type { AggregateHandlers } from '../issuance-handlers';
import { issuanceStreams } from '../issuance-streams';
import type { BaseCommand, CommandActor } from '../base.command';

/** Status changes by request are made by institution admins, for the institution in their token. */
export function adminAuthority(actor: CommandActor): StatusAuthority {
  if (actor.role !== 'institution-admin' || !actor.institution) {
    throw IssuanceException.forbidden('status.not-awarding-body', 'only an institution admin of an awarding body may change a credential\'s status');
  }
  return { kind: 'awarding-body-admin', institutionId: actor.institution };
}

/** Suspend, reinstate and revoke differ only in the credential command they send. */
export async function changeStatus(
  aggregates: AggregateHandlers,
  type: 'SuspendCredential' | 'ReinstateCredential' | 'RevokeCredential',
  command: BaseCommand & { credentialId: string; reason: string },
) {
  const authority = adminAuthority(command.actor);
  const result = await aggregates.credentials.handle(
    issuanceStreams.credential(command.credentialId),
    { type, credentialId: command.credentialId, reason: command.reason, authority },
    command.commandContext(),
  );
  return { credentialId: command.credentialId, lifecycle: result.state!.lifecycle, revision: result.nextRevision, lastPosition: result.lastPosition };
}
