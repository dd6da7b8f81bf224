/** A sign-in link was sent for one learner: the link's secret is derived from the id, never recorded. */
export interface LearnerSignInRequested {
  type: 'LearnerSignInRequested';
  data: { signInId: string; learnerId: string; requestedAt: string; expiresAt: string };
}

/** The learner opened the link: it is used up, and a session was opened for them. */
export interface LearnerSignedIn {
  type: 'LearnerSignedIn';
  data: { signInId: string; learnerId: string; signedInAt: string; sessionExpiresAt: string };
}

export type LearnerSignInEvent = LearnerSignInRequested | LearnerSignedIn;
