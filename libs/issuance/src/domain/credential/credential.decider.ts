import { type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { IssuanceException, violation } from '../issuance.exception';
import { OUT_OF_GOOD_STANDING, requireMemberMayAct } from '../knowledge/member-standing';
import type { CredentialCommand, StatusAuthority } from './credential.commands';
import type { CredentialEvent } from './credential.events';
import { credentialHash } from './credential-hash';
import { carriesSuspensionEntry } from './credential-status-entries';
import {
  type Credential,
  type CredentialState,
  evolveCredential,
  initialCredentialState,
  missingSigners,
  refusalBy,
  securedDocument,
} from './credential.state';

const MAX_REASON = 1000;

/**
 * One co-issued credential: drafted once, signed by every awarding body (a proof set, in any order), issued
 * when the last proof arrives, then suspended, reinstated or revoked through its status list slot.
 */
export function decideCredential(command: CredentialCommand, state: CredentialState, context: DecisionContext): CredentialEvent[] {
  if (command.type === 'DraftCredential') {
    if (state) return [];
    const { type: _t, ...data } = command;
    const leads = data.awardingBodies.filter((b) => b.lead).length;
    if (data.awardingBodies.length === 0 || leads !== 1) {
      throw IssuanceException.invalid([
        violation('awardingBodies', 'credential.one-lead', 'a credential has awarding bodies and exactly one lead (its issuer)'),
      ]);
    }
    return [{ type: 'CredentialDrafted', data }];
  }
  const credential = requireCredential(state, command.credentialId);
  switch (command.type) {
    case 'AddProof':
      return addProof(credential, command, context.now.toISOString());
    case 'AddProofs': {
      // The platform's batch: an institution that signed meanwhile (an endorsement) or a settled credential is skipped.
      const events: CredentialEvent[] = [];
      let state = credential;
      for (const p of command.proofs) {
        if (state.lifecycle !== 'collecting-proofs' || state.proofs.some((q) => q.institutionId === p.institutionId)) continue;
        // A member suspended or removed since the platform signed for it: its proof waits (suspended) or never comes (removed).
        if (OUT_OF_GOOD_STANDING.has(p.standing)) continue;
        const added = addProof(state, { type: 'AddProof', credentialId: command.credentialId, ...p }, context.now.toISOString());
        events.push(...added);
        state = added.reduce(evolveCredential, state as CredentialState)!;
      }
      return events;
    }
    case 'RefuseSignature':
      return refuseSignature(credential, command, context.now.toISOString());
    case 'ReopenSignatureRequest': {
      if (command.by) requireMemberMayAct(command.by.institutionId, command.by.standing);
      requireReason(command.reason);
      if (!refusalBy(credential, command.institutionId)) {
        throw new IssuanceException(
          'issuance.signature.not-refused',
          `institution ${command.institutionId} has not refused to sign this credential`,
          'institutionId',
        );
      }
      requireLifecycle(credential, 'collecting-proofs', 'reopen');
      return [
        {
          type: 'CredentialSignatureRequestReopened',
          data: {
            credentialId: credential.credentialId,
            institutionId: command.institutionId,
            reason: command.reason,
            reopenedAt: context.now.toISOString(),
          },
        },
      ];
    }
    case 'SuspendCredential': {
      requireReason(command.reason);
      authorise(credential, command.authority);
      if (credential.lifecycle === 'suspended')
        throw new IssuanceException('issuance.credential.already-suspended', 'the credential is already suspended');
      requireLifecycle(credential, 'issued', 'suspend');
      if (!carriesSuspensionEntry(credential.document)) {
        throw new IssuanceException(
          'issuance.credential.not-suspendable',
          'the credential carries only a revocation status entry (the single credentialStatus Open Badges 3.0.3 allows), so no verifier could see a suspension; revoke it, or issue suspendable credentials (ISSUANCE_STATUS_ENTRIES=revocation-and-suspension)',
        );
      }
      return [
        {
          type: 'CredentialSuspended',
          data: { credentialId: credential.credentialId, reason: command.reason, ...by(command.authority), status: credential.status },
        },
      ];
    }
    case 'ReinstateCredential': {
      requireReason(command.reason);
      authorise(credential, command.authority);
      requireLifecycle(credential, 'suspended', 'reinstate');
      return [
        {
          type: 'CredentialReinstated',
          data: { credentialId: credential.credentialId, reason: command.reason, ...by(command.authority), status: credential.status },
        },
      ];
    }
    case 'RevokeCredential': {
      requireReason(command.reason);
      authorise(credential, command.authority);
      if (credential.lifecycle === 'revoked') {
        // Issuance may ask twice (a redelivered amendment); an admin is told it already happened.
        if (command.authority.kind === 'issuance-process') return [];
        throw new IssuanceException('issuance.credential.already-revoked', 'the credential is already revoked; revocation is final');
      }
      return [
        {
          type: 'CredentialRevoked',
          data: {
            credentialId: credential.credentialId,
            reason: command.reason,
            ...by(command.authority),
            ...(command.supersededBy ? { supersededBy: command.supersededBy } : {}),
            wasIssued: credential.lifecycle !== 'collecting-proofs',
            status: credential.status,
            // Issuance itself never revokes for good: an amendment or a replacement leaves the way open.
            ...(command.final && command.authority.kind === 'awarding-body-admin' ? { final: true as const } : {}),
          },
        },
      ];
    }
  }
}

function addProof(credential: Credential, command: Extract<CredentialCommand, { type: 'AddProof' }>, now: string): CredentialEvent[] {
  const body = credential.awardingBodies.find((b) => b.institutionId === command.institutionId);
  if (!body) {
    throw new IssuanceException(
      'issuance.proof.not-awarding-body',
      `institution ${command.institutionId} is not an awarding body of this credential`,
      'institutionId',
    );
  }
  // A co-signature means the member agreed now: a suspended member's waits, a removed member's never comes.
  requireMemberMayAct(command.institutionId, command.standing);
  const existing = credential.proofs.find((p) => p.institutionId === command.institutionId);
  if (existing) {
    if (existing.proof['proofValue'] === command.proof['proofValue']) return [];
    throw new IssuanceException(
      'issuance.proof.already-present',
      `institution ${command.institutionId} has already signed this credential`,
    );
  }
  if (credential.lifecycle !== 'collecting-proofs') {
    throw new IssuanceException(
      'issuance.credential.not-collecting-proofs',
      `the credential is ${credential.lifecycle}; it takes no more proofs`,
    );
  }
  if (!command.check.valid)
    throw new IssuanceException('issuance.proof.invalid', `the proof does not verify: ${command.check.reason}`, 'proof');
  const verificationMethod = command.proof['verificationMethod'];
  if (typeof verificationMethod !== 'string')
    throw new IssuanceException('issuance.proof.verification-method', 'the proof names no verificationMethod', 'proof.verificationMethod');
  const added: CredentialEvent = {
    type: 'CredentialProofAdded',
    data: {
      credentialId: credential.credentialId,
      institutionId: command.institutionId,
      verificationMethod,
      method: command.method,
      proof: command.proof,
    },
  };
  const after = evolveCredential(credential, added)!;
  if (missingSigners(after).length > 0) return [added];
  const { credentialId, awardId, specId, specVersion, learnerId, awardedAt, status, supersedes } = after;
  const validUntil = after.document['validUntil'];
  return [
    added,
    {
      type: 'CredentialIssued',
      data: {
        credentialId,
        hash: credentialHash(securedDocument(after)),
        awardId,
        specId,
        specVersion,
        learnerId,
        awardingBodies: after.awardingBodies.map((b) => b.institutionId),
        awardedAt,
        issuedAt: now,
        ...(typeof validUntil === 'string' ? { validUntil: new Date(validUntil).toISOString() } : {}),
        status,
        ...(supersedes ? { supersedes } : {}),
      },
    },
  ];
}

function refuseSignature(
  credential: Credential,
  command: Extract<CredentialCommand, { type: 'RefuseSignature' }>,
  now: string,
): CredentialEvent[] {
  if (!credential.awardingBodies.some((b) => b.institutionId === command.institutionId)) {
    throw new IssuanceException(
      'issuance.proof.not-awarding-body',
      `institution ${command.institutionId} is not an awarding body of this credential`,
      'institutionId',
    );
  }
  if (typeof command.code !== 'string' || !/^[a-z0-9][a-z0-9.-]{0,63}$/.test(command.code)) {
    throw IssuanceException.invalid([
      violation('code', 'refusal.code-format', 'code must be 1-64 of a-z 0-9 . - (e.g. definition.not-approved)'),
    ]);
  }
  requireReason(command.reason);
  if (credential.proofs.some((p) => p.institutionId === command.institutionId)) {
    throw new IssuanceException(
      'issuance.proof.already-present',
      `institution ${command.institutionId} has already signed this credential`,
    );
  }
  requireLifecycle(credential, 'collecting-proofs', 'refuse');
  const existing = refusalBy(credential, command.institutionId);
  if (existing && existing.code === command.code && existing.reason === command.reason) return [];
  return [
    {
      type: 'CredentialSignatureRefused',
      data: {
        credentialId: credential.credentialId,
        institutionId: command.institutionId,
        code: command.code,
        reason: command.reason,
        refusedAt: now,
      },
    },
  ];
}

function requireCredential(state: CredentialState, credentialId: string): Credential {
  if (!state) throw new IssuanceException('issuance.credential-not-found', `No credential with id ${credentialId}.`, 'credentialId');
  return state;
}

function requireReason(reason: string): void {
  if (typeof reason !== 'string' || reason.trim().length === 0 || reason.length > MAX_REASON) {
    throw IssuanceException.invalid([
      violation('reason', 'status.reason-required', `a reason of 1 to ${MAX_REASON} characters is required`),
    ]);
  }
}

function authorise(credential: Credential, authority: StatusAuthority): void {
  if (authority.kind === 'issuance-process') return;
  if (!credential.awardingBodies.some((b) => b.institutionId === authority.institutionId)) {
    throw new IssuanceException(
      'issuance.status.not-awarding-body',
      "only an admin of one of the awarding bodies may change this credential's status",
    );
  }
  requireMemberMayAct(authority.institutionId, authority.standing);
}

function requireLifecycle(
  credential: Credential,
  wanted: Credential['lifecycle'],
  action: 'reopen' | 'suspend' | 'reinstate' | 'refuse',
): void {
  if (credential.lifecycle !== wanted) {
    throw new IssuanceException(`issuance.credential.cannot-${action}`, `cannot ${action} a credential that is ${credential.lifecycle}`);
  }
}

function by(authority: StatusAuthority): { institutionId?: string } {
  return authority.kind === 'awarding-body-admin' ? { institutionId: authority.institutionId } : {};
}

export const credentialDecider = defineDecider({
  decide: decideCredential,
  evolve: evolveCredential,
  initialState: initialCredentialState,
});
