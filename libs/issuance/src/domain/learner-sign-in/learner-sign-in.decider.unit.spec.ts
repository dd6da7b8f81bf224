import { deciderSpecification } from '@alliance/event-sourcing';
import { learnerSignInDecider } from './learner-sign-in.decider';
import type { LearnerSignInEvent } from './learner-sign-in.events';

const spec = deciderSpecification(learnerSignInDecider);
const T = new Date('2026-05-01T10:00:00.000Z');
const at = (seconds: number) => ({ now: new Date(T.getTime() + seconds * 1000), actor: { subject: 'learner-page:s1', role: 'anonymous' } });

const request = { type: 'RequestLearnerSignIn' as const, signInId: 's1', learnerId: 'learner-1', ttlSeconds: 900 };
const complete = { type: 'CompleteLearnerSignIn' as const, signInId: 's1', sessionSeconds: 3600 };
const requested: LearnerSignInEvent = {
  type: 'LearnerSignInRequested',
  data: { signInId: 's1', learnerId: 'learner-1', requestedAt: T.toISOString(), expiresAt: '2026-05-01T10:15:00.000Z' },
};
const signedIn: LearnerSignInEvent = {
  type: 'LearnerSignedIn',
  data: { signInId: 's1', learnerId: 'learner-1', signedInAt: '2026-05-01T10:05:00.000Z', sessionExpiresAt: '2026-05-01T11:05:00.000Z' },
};

describe('a learner sign-in link', () => {
  it('is requested once, with the instant it stops working', () => {
    spec.given([]).when(request, at(0)).then([requested]);
    spec.given([requested]).when(request, at(1)).thenThrows('issuance.learner-sign-in.exists');
  });

  it('opens one session within its lifetime, naming when the session ends', () => {
    spec.given([requested]).when(complete, at(300)).then([signedIn]);
  });

  it('refuses, with one answer for all, a used link, an expired link and a link never requested', () => {
    spec.given([requested, signedIn]).when(complete, at(301)).thenThrows('issuance.learner-sign-in.link-not-valid');
    spec.given([requested]).when(complete, at(900)).thenThrows('issuance.learner-sign-in.link-not-valid');
    spec.given([]).when(complete, at(0)).thenThrows('issuance.learner-sign-in.link-not-valid');
  });
});
