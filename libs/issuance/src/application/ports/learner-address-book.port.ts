/** Where a learner can be reached: one of their award tracks, whose (sealed) learner reference holds the address. */
export interface LearnerAddress {
  learnerId: string;
  awardId: string;
}

/**
 * Finds learners by e-mail address, for the learner page's sign-in links. Only a keyed hash of each address is
 * kept, so the table names nobody to whoever reads it without the key; a learner's entries go when they are erased.
 */
export abstract class LearnerAddressBook {
  /** Records that the learner of `awardId` is reached at `email` (idempotent). */
  abstract add(address: LearnerAddress, email: string): Promise<void>;
  /** The learners reached at `email`, one award track each. */
  abstract learnersAt(email: string): Promise<LearnerAddress[]>;
  /** The award tracks the learner is reached through. */
  abstract tracksOf(learnerId: string): Promise<string[]>;
  /** Forgets every address of the learner. */
  abstract forget(learnerId: string): Promise<void>;
}
