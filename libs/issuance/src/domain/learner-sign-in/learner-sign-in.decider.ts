import { type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { IssuanceException } from '../issuance.exception';
import type { LearnerSignInCommand } from './learner-sign-in.commands';
import type { LearnerSignInEvent } from './learner-sign-in.events';

export interface LearnerSignIn {
  signInId: string;
  learnerId: string;
  expiresAt: string;
  used: boolean;
}

export type LearnerSignInState = LearnerSignIn | undefined;

const at = (context: DecisionContext, plusSeconds = 0) => new Date(context.now.getTime() + plusSeconds * 1000).toISOString();

/** The one answer for a link that cannot open a session, so a prober cannot tell used, expired and unknown apart. */
export const signInRefused = () =>
  new IssuanceException(
    'issuance.learner-sign-in.link-not-valid',
    'This sign-in link has expired or was already used: ask for a new one on the learner page.',
    'token',
  );

/** One sign-in link for a learner: sent, then used once within its lifetime to open one session. */
export function decideLearnerSignIn(
  command: LearnerSignInCommand,
  state: LearnerSignInState,
  context: DecisionContext,
): LearnerSignInEvent[] {
  if (command.type === 'RequestLearnerSignIn') {
    if (state) throw new IssuanceException('issuance.learner-sign-in.exists', `sign-in ${state.signInId} was already requested`);
    const { signInId, learnerId } = command;
    return [
      {
        type: 'LearnerSignInRequested',
        data: { signInId, learnerId, requestedAt: at(context), expiresAt: at(context, command.ttlSeconds) },
      },
    ];
  }
  if (!state || state.used || context.now.getTime() >= Date.parse(state.expiresAt)) throw signInRefused();
  return [
    {
      type: 'LearnerSignedIn',
      data: {
        signInId: state.signInId,
        learnerId: state.learnerId,
        signedInAt: at(context),
        sessionExpiresAt: at(context, command.sessionSeconds),
      },
    },
  ];
}

export function evolveLearnerSignIn(state: LearnerSignInState, event: LearnerSignInEvent): LearnerSignInState {
  if (event.type === 'LearnerSignInRequested') {
    const { signInId, learnerId, expiresAt } = event.data;
    return { signInId, learnerId, expiresAt, used: false };
  }
  return state && { ...state, used: true };
}

export const learnerSignInDecider = defineDecider({
  decide: decideLearnerSignIn,
  evolve: evolveLearnerSignIn,
  initialState: (): LearnerSignInState => undefined,
});
