/** A learner's data key as stored: wrapped (sealed) with the service's key-encryption key. */
export interface StoredLearnerKey {
  learnerId: string;
  wrappedKey: string;
  /** Blind index of the learner's email, when the service looks learners up by it (enrolment). */
  emailIndex: string | null;
}

/**
 * Where a service keeps its learners' data keys: outside the event stream, in storage where a deletion is
 * real. Deleting a row is the erasure; nothing else needs to change.
 */
export abstract class LearnerKeyTable {
  abstract find(learnerId: string): Promise<StoredLearnerKey | undefined>;
  abstract findMany(learnerIds: string[]): Promise<StoredLearnerKey[]>;
  /** Every key with this email index, oldest first. */
  abstract findAllByEmailIndex(emailIndex: string): Promise<StoredLearnerKey[]>;
  /** Inserts unless the learner already has a key; returns the key that is stored afterwards. */
  abstract insert(key: StoredLearnerKey): Promise<StoredLearnerKey>;
  /** Deletes the key for good; true when there was one. */
  abstract delete(learnerId: string): Promise<boolean>;
  /** Every stored key (for moving keys from one store to another). */
  abstract all(): Promise<StoredLearnerKey[]>;
  async close(): Promise<void> {}
}
