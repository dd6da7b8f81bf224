import { deciderSpecification, type DecisionContext } from '@alliance/event-sourcing';
import type { CredentialSpecCommand } from '../credential-spec/credential-spec.commands';
import { credentialSpecDecider } from '../credential-spec/credential-spec.decider';
import type { CredentialSpecEvent } from '../credential-spec/credential-spec.events';
import { sustainableEnergyDefinition } from './definition.fixture';
import { AAU, DCU, registryWith, TUHH } from './members.fixture';

/** A credential definition's stream built up by the decider itself, for the lifecycle and version specs. */
export const SPEC = '0190a3c4-0000-7000-8000-00000000aaaa';
export const NOW = new Date('2026-02-01T10:00:00.000Z');
export const registry = registryWith();
export const spec = deciderSpecification(credentialSpecDecider);
export const admin: Partial<DecisionContext> = { now: NOW, actor: { subject: 'alliance-admin-1', role: 'alliance-admin' } };
export const adminOf = (institution: string): Partial<DecisionContext> => ({
  now: NOW,
  actor: { subject: `admin@${institution}`, role: 'institution-admin', institution },
});

export function run(
  events: CredentialSpecEvent[],
  command: CredentialSpecCommand,
  ctx: Partial<DecisionContext> = admin,
): CredentialSpecEvent[] {
  const state = events.reduce(credentialSpecDecider.evolve, credentialSpecDecider.initialState());
  return [
    ...events,
    ...(credentialSpecDecider.decide(command, state, { correlationId: 'c', ...admin, ...ctx } as DecisionContext) as CredentialSpecEvent[]),
  ];
}

export const drafted = () =>
  run([], { type: 'DraftCredentialSpec', credentialSpecId: SPEC, definition: sustainableEnergyDefinition(), registry });
export const proposed = () => run(drafted(), { type: 'ProposeCredentialSpec', registry });
export const approvedBy = (...ids: string[]) =>
  ids.reduce(
    (events, id) => run(events, { type: 'ApproveCredentialSpec', institutionId: id, approverStatus: 'active' }, adminOf(id)),
    proposed(),
  );
export const published = () => run(approvedBy(AAU, DCU, TUHH), { type: 'PublishCredentialSpec', registry });
