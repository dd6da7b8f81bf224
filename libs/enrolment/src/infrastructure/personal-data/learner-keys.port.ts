/** A learner's data key as stored: wrapped (sealed) with the service's key-encryption key. */
export interface StoredLearnerKey {
  learnerId: string;
  wrappedKey: string;
  emailIndex: string | null;
}

/**
 * Where learner keys live: the service's own database, outside the event stream. Deleting a row is the
 * erasure; nothing else needs to change.
 */
export abstract class LearnerKeyTable {
  abstract find(learnerId: string): Promise<StoredLearnerKey | undefined>;
  abstract findMany(learnerIds: string[]): Promise<StoredLearnerKey[]>;
  /** Every key with this email index, oldest first. */
  abstract findAllByEmailIndex(emailIndex: string): Promise<StoredLearnerKey[]>;
  /** Inserts unless the learner already has a key; returns the key that is stored afterwards. */
  abstract insert(key: StoredLearnerKey): Promise<StoredLearnerKey>;
  /** Deletes the key; true when there was one. */
  abstract delete(learnerId: string): Promise<boolean>;
}
