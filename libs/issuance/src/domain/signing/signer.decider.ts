import { type Actor, type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { IssuanceException, violation } from '../issuance.exception';
import type { MembershipStatus } from '../knowledge/institution-snapshot';
import { requireMemberMayAct } from '../knowledge/member-standing';
import type { SignerCommand } from './signer.commands';
import type { SignerEvent } from './signer.events';
import { evolveSigner, initialSignerState, type SignerState } from './signer.state';

export const SIGNING_POLICIES = ['institution-signer', 'automatic', 'manual'] as const;
/** Generated keys wait for registration in the catalogue; past this many, an admin is asked to register or stop. */
export const MAX_GENERATED_KEYS = 20;

/** How one institution signs, and the keys issuance generated for it. Only its own admins or alliance admins decide. */
export function decideSigner(command: SignerCommand, state: SignerState, context: DecisionContext): SignerEvent[] {
  authoriseSigningChange(context.actor, command.institutionId, command.member);
  switch (command.type) {
    case 'SetSigningPolicy':
      if (!SIGNING_POLICIES.includes(command.policy)) {
        throw IssuanceException.invalid([violation('policy', 'signing.policy', `policy must be one of ${SIGNING_POLICIES.join(', ')}`)]);
      }
      if (state?.policy === command.policy && state.decidedBy) return [];
      return [
        {
          type: 'SigningPolicySet',
          data: {
            institutionId: command.institutionId,
            policy: command.policy,
            decidedBy: { subject: context.actor.subject, institution: command.institutionId },
          },
        },
      ];
    case 'RecordGeneratedKey':
      if (state?.keys.some((k) => k.keyRef === command.keyRef)) return [];
      if ((state?.keys.length ?? 0) >= MAX_GENERATED_KEYS) {
        throw new IssuanceException(
          'issuance.signing.too-many-keys',
          `issuance already holds ${MAX_GENERATED_KEYS} keys for this institution`,
        );
      }
      return [
        {
          type: 'SigningKeyGenerated',
          data: {
            institutionId: command.institutionId,
            keyRef: command.keyRef,
            algorithm: 'Ed25519',
            publicKeyMultibase: command.publicKeyMultibase,
            generatedAt: context.now.toISOString(),
          },
        },
      ];
  }
}

/**
 * An institution's signature is its own: only its own admins choose how it signs or have keys made for it.
 * An alliance admin (or anyone else) cannot, so no single account can produce a "co-signed" credential.
 */
export function authoriseSigningAdmin(actor: Actor, institutionId: string): void {
  if (actor.role === 'institution-admin' && actor.institution === institutionId) return;
  throw new IssuanceException(
    'issuance.signing.not-institution-admin',
    `only an admin of institution ${institutionId} may manage its signing; an alliance admin cannot`,
  );
}

/**
 * Who may change how an institution signs, in order: its own admin (nothing else is revealed to anyone else),
 * an institution issuance knows (404 otherwise), in good standing (a suspended or removed member does not act).
 */
export function authoriseSigningChange(actor: Actor, institutionId: string, member: MembershipStatus | undefined): void {
  authoriseSigningAdmin(actor, institutionId);
  if (member === undefined)
    throw new IssuanceException('issuance.institution-not-found', `No institution with id ${institutionId}.`, 'institutionId');
  requireMemberMayAct(institutionId, member);
}

/** Who may read how an institution signs (public keys and policy only): its own admins and alliance admins. */
export function authoriseSigningReader(actor: Actor, institutionId: string): void {
  if (actor.role === 'alliance-admin' || actor.role === 'auditor') return;
  authoriseSigningAdmin(actor, institutionId);
}

export const signerDecider = defineDecider({ decide: decideSigner, evolve: evolveSigner, initialState: initialSignerState });
