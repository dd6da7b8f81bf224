export interface RequestLearnerSignIn {
  type: 'RequestLearnerSignIn';
  signInId: string;
  learnerId: string;
  /** How long the link works. */
  ttlSeconds: number;
}

export interface CompleteLearnerSignIn {
  type: 'CompleteLearnerSignIn';
  signInId: string;
  /** How long the session it opens lasts. */
  sessionSeconds: number;
}

export type LearnerSignInCommand = RequestLearnerSignIn | CompleteLearnerSignIn;
