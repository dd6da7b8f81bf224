import { LearnerMail, type LearnerMessage } from '../../ports/learner-mail.port';

/** Keeps every message sent, for specs to read the code a learner would receive. */
export class RecordingLearnerMail extends LearnerMail {
  readonly sent: LearnerMessage[] = [];

  async send(message: LearnerMessage): Promise<void> {
    this.sent.push(message);
  }

  /** Drops the learner's messages, as an adapter that keeps them must on erasure. */
  async forget(learnerId: string): Promise<void> {
    this.sent.splice(0, this.sent.length, ...this.sent.filter((m) => m.learnerId !== learnerId));
  }
}
