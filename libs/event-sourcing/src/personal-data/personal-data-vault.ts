import { createHmac } from 'node:crypto';
import { blindIndex, newDataKey, open, seal } from './field-cipher';
import type { LearnerKeyTable, StoredLearnerKey } from './learner-key-table.port';

export const SEALING_SCHEME = 'aes-256-gcm.v1';

/** A learner's fields sealed with the learner's key: `fields` maps a field name to its sealed value. */
export interface SealedFields<F extends string = string> {
  keyId: string;
  scheme: typeof SEALING_SCHEME;
  fields: Partial<Record<F, string>>;
}

/** Fields read back: the clear values, or `erased` once the learner's key is gone. */
export type OpenedFields<F extends string = string> = { erased: false; fields: Partial<Record<F, string>> } | { erased: true };

/**
 * Crypto-shredding of learners' personal data: each learner has a data key (wrapped with the service's
 * key-encryption key) in a key table outside the event stream. Events and read models carry only sealed
 * fields, so deleting the key erases the person while every event, and the hash chain over it, stays intact.
 */
export class PersonalDataVault {
  private readonly indexKey: Buffer;

  constructor(
    private readonly keys: LearnerKeyTable,
    private readonly kek: Buffer,
  ) {
    if (kek.length !== 32) throw new RangeError('the personal data key-encryption key must be 32 bytes');
    this.indexKey = createHmac('sha256', kek).update('enrolment/email-index/v1').digest();
  }

  /**
   * Every learner (not erased) whose key was created with this email, oldest first. Several institutions may
   * each hold a learner with the same address: an address alone never says which of them a request means.
   */
  async learnerIdsForEmail(email: string): Promise<string[]> {
    return (await this.keys.findAllByEmailIndex(blindIndex(this.indexKey, email))).map((k) => k.learnerId);
  }

  /** Is the learner's key still there (i.e. not erased)? */
  async hasKey(learnerId: string): Promise<boolean> {
    return (await this.keys.find(learnerId)) !== undefined;
  }

  /**
   * Seals the given (non-empty) fields with the learner's key, creating the key on first use; `email` indexes
   * the key for `learnerIdsForEmail` when the key is created.
   */
  async seal<F extends string>(
    learnerId: string,
    fields: Partial<Record<F, string>>,
    options: { email?: string } = {},
  ): Promise<SealedFields<F>> {
    const stored = await this.keys.insert({
      learnerId,
      wrappedKey: seal(this.kek, newDataKey().toString('base64'), `learner-key/${learnerId}`),
      emailIndex: options.email ? blindIndex(this.indexKey, options.email) : null,
    });
    const key = this.unwrap(stored);
    const sealed: Partial<Record<F, string>> = {};
    for (const [field, value] of Object.entries(fields) as [F, string | undefined][]) {
      if (value !== undefined && value !== null && value !== '') sealed[field] = seal(key, value, aad(learnerId, field));
    }
    return { keyId: learnerId, scheme: SEALING_SCHEME, fields: sealed };
  }

  async open<F extends string>(sealed: SealedFields<F>): Promise<OpenedFields<F>> {
    return (await this.openMany([sealed]))[0];
  }

  /** Opens several sealed records with one key lookup. */
  async openMany<F extends string>(records: SealedFields<F>[]): Promise<OpenedFields<F>[]> {
    const ids = [...new Set(records.map((r) => r.keyId))];
    const found = new Map((await this.keys.findMany(ids)).map((k) => [k.learnerId, this.unwrap(k)]));
    return records.map((record) => {
      const key = found.get(record.keyId);
      if (!key) return { erased: true };
      const fields: Partial<Record<F, string>> = {};
      for (const [field, value] of Object.entries(record.fields) as [F, string | undefined][]) {
        if (value) fields[field] = open(key, value, aad(record.keyId, field));
      }
      return { erased: false, fields };
    });
  }

  /** Destroys the learner's key: every sealed field of theirs becomes unreadable for good. */
  erase(learnerId: string): Promise<boolean> {
    return this.keys.delete(learnerId);
  }

  private unwrap(stored: StoredLearnerKey): Buffer {
    return Buffer.from(open(this.kek, stored.wrappedKey, `learner-key/${stored.learnerId}`), 'base64');
  }
}

// The associated data binds a sealed value to its learner and field (the format enrolment has always stored).
const aad = (learnerId: string, field: string): string => `learner/${learnerId}/${field}`;
