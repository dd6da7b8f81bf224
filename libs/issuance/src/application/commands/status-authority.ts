import type { StatusAuthority } from '../../domain/credential/credential.commands';
import type { CredentialLifecycle } from '../../domain/credential/credential.state';
import { IssuanceException } from '../../domain/issuance.exception';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { KnowledgeReader } from '../knowledge/knowledge-reader';
import type { BaseCommand, CommandActor } from '../base.command';

/**
 * Status changes by request are made by institution admins, for the institution in their token, with that
 * institution's standing as issuance knows it (the decider refuses a suspended or removed member).
 */
export async function adminAuthority(
  actor: CommandActor,
  knowledge: KnowledgeReader,
): Promise<Extract<StatusAuthority, { kind: 'awarding-body-admin' }>> {
  if (actor.role !== 'institution-admin' || !actor.institution) {
    throw new IssuanceException(
      'issuance.status.not-awarding-body',
      "only an institution admin of an awarding body may change a credential's status",
    );
  }
  const standing = (await knowledge.institution(actor.institution))?.status ?? 'not-registered';
  return { kind: 'awarding-body-admin', institutionId: actor.institution, standing };
}

/** Where a credential stands after a change of status. */
export interface StatusChanged {
  credentialId: string;
  lifecycle: CredentialLifecycle;
  revision: number;
  lastPosition?: number;
}

/** Suspend, reinstate and revoke differ only in the credential command they send (and revocation in `final`). */
export async function changeStatus(
  aggregates: IssuanceAggregates,
  knowledge: KnowledgeReader,
  type: 'SuspendCredential' | 'ReinstateCredential' | 'RevokeCredential',
  command: BaseCommand & { credentialId: string; reason: string; final?: boolean },
): Promise<StatusChanged> {
  const authority = await adminAuthority(command.actor, knowledge);
  const result = await aggregates.credential.handle(
    command.credentialId,
    {
      type,
      credentialId: command.credentialId,
      reason: command.reason,
      authority,
      ...(type === 'RevokeCredential' && command.final ? { final: true } : {}),
    },
    command.commandContext(),
  );
  return {
    credentialId: command.credentialId,
    lifecycle: result.state!.lifecycle,
    revision: result.nextRevision,
    lastPosition: result.lastPosition,
  };
}
