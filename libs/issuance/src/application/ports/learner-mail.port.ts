/** One message to a learner, sent by the platform (a wallet offer's transaction code, a sign-in link). */
export interface LearnerMessage {
  /** What the message is for, so an adapter can pick a template and a log can name it without its text. */
  kind: 'wallet-offer-transaction-code' | 'learner-sign-in-link';
  learnerId: string;
  to: string;
  subject: string;
  text: string;
  /** The offer, credential or sign-in it belongs to. */
  reference: string;
}

/**
 * Sends learners their messages. Called by a checkpointed subscription, so a message may be sent twice after a
 * crash (at least once, never lost); messages are written so a repeat does no harm.
 */
export abstract class LearnerMail {
  abstract send(message: LearnerMessage): Promise<void>;

  /**
   * Erasure: drops whatever the adapter kept of the learner's messages (addresses, codes, links). Idempotent; an
   * adapter that keeps nothing once a message is handed on does nothing.
   */
  abstract forget(learnerId: string): Promise<void>;
}
