import { LearnerKeyTable, type StoredLearnerKey } from './learner-key-table.port';

/** Test double of the key table. */
export class InMemoryLearnerKeyTable extends LearnerKeyTable {
  readonly rows = new Map<string, StoredLearnerKey>();

  async find(learnerId: string) {
    return this.rows.get(learnerId);
  }
  async findMany(learnerIds: string[]) {
    return learnerIds.flatMap((id) => (this.rows.has(id) ? [this.rows.get(id)!] : []));
  }
  async findAllByEmailIndex(emailIndex: string) {
    return [...this.rows.values()].filter((r) => r.emailIndex === emailIndex);
  }
  async insert(key: StoredLearnerKey) {
    if (!this.rows.has(key.learnerId)) this.rows.set(key.learnerId, key);
    return this.rows.get(key.learnerId)!;
  }
  async delete(learnerId: string) {
    return this.rows.delete(learnerId);
  }
  async all() {
    return [...this.rows.values()];
  }
}
