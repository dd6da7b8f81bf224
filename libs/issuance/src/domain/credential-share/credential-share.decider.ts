import { type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { IssuanceException } from '../issuance.exception';
import type { CredentialShareCommand, RevokeCredentialShare, ShareCredential } from './credential-share.commands';
import type { CredentialShareEvent } from './credential-share.events';
import { MAX_SHARES_PER_CREDENTIAL, SHAREABLE_LIFECYCLES, shareViolations } from './credential-share.rules';
import { type CredentialSharesState, evolveCredentialShares, initialCredentialSharesState } from './credential-share.state';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The links a learner made to one of their credentials, in one stream per credential so that the learner's list
 * is the aggregate's state: made while the credential is issued, open until they expire or are withdrawn.
 */
export function decideCredentialShares(
  command: CredentialShareCommand,
  state: CredentialSharesState,
  context: DecisionContext,
): CredentialShareEvent[] {
  return command.type === 'ShareCredential' ? share(command, state, context) : revoke(command, state, context);
}

function share(command: ShareCredential, state: CredentialSharesState, context: DecisionContext): CredentialShareEvent[] {
  if (state?.shares[command.shareId]) {
    throw new IssuanceException('issuance.credential-share.exists', `link ${command.shareId} was already made`);
  }
  if (!SHAREABLE_LIFECYCLES.includes(command.credentialLifecycle)) {
    throw new IssuanceException(
      'issuance.credential-share.credential-not-issued',
      `credential ${command.credentialId} is ${command.credentialLifecycle}: only an issued credential is shared`,
    );
  }
  const broken = shareViolations(command);
  if (broken.length > 0) throw IssuanceException.invalid(broken);
  if (Object.keys(state?.shares ?? {}).length >= MAX_SHARES_PER_CREDENTIAL) {
    throw new IssuanceException(
      'issuance.credential-share.too-many',
      `credential ${command.credentialId} already has ${MAX_SHARES_PER_CREDENTIAL} links`,
    );
  }
  const { shareId, credentialId, learnerId, expiresInDays } = command;
  return [
    {
      type: 'CredentialShared',
      data: {
        shareId,
        credentialId,
        learnerId,
        expiresAt: new Date(context.now.getTime() + expiresInDays * DAY_MS).toISOString(),
        sharedAt: context.now.toISOString(),
      },
    },
  ];
}

function revoke(command: RevokeCredentialShare, state: CredentialSharesState, context: DecisionContext): CredentialShareEvent[] {
  const found = state?.shares[command.shareId];
  if (!found) throw new IssuanceException('issuance.credential-share.not-found', `no link ${command.shareId}`, 'shareId');
  if (found.revokedAt) return [];
  return [{ type: 'CredentialShareRevoked', data: { shareId: found.shareId, revokedAt: context.now.toISOString() } }];
}

export const credentialSharesDecider = defineDecider({
  decide: decideCredentialShares,
  evolve: evolveCredentialShares,
  initialState: initialCredentialSharesState,
});
