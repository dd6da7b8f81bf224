import { type LearnerAddress, LearnerAddressBook } from '../ports/learner-address-book.port';

/** The address book in memory, for specs: addresses kept as given (normalised like the real one), no key. */
export class InMemoryLearnerAddressBook extends LearnerAddressBook {
  readonly entries = new Map<string, LearnerAddress & { email: string }>();

  async add(address: LearnerAddress, email: string): Promise<void> {
    this.entries.set(`${address.learnerId} ${address.awardId}`, { ...address, email: email.trim().toLowerCase() });
  }

  async learnersAt(email: string): Promise<LearnerAddress[]> {
    const wanted = email.trim().toLowerCase();
    const found = new Map<string, LearnerAddress>();
    for (const e of this.entries.values())
      if (e.email === wanted && !found.has(e.learnerId)) found.set(e.learnerId, { learnerId: e.learnerId, awardId: e.awardId });
    return [...found.values()];
  }

  async tracksOf(learnerId: string): Promise<string[]> {
    return [...this.entries.values()].filter((e) => e.learnerId === learnerId).map((e) => e.awardId);
  }

  async forget(learnerId: string): Promise<void> {
    for (const [key, e] of this.entries) if (e.learnerId === learnerId) this.entries.delete(key);
  }
}
