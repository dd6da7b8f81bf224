import { createHmac } from 'node:crypto';
import { type LearnerIdentity, PERSONAL_FIELDS, type PersonalField, type ProtectedIdentity } from '../../domain/protected-identity';
import { blindIndex, newDataKey, open, seal } from './field-cipher';
import type { LearnerKeyTable, StoredLearnerKey } from './learner-keys.port';

/** An identity read back: the clear fields, or every field marked erased once the key is gone. */
export type OpenedIdentity =
  | ({ erased: false } & LearnerIdentity)
  | { erased: true; givenName: null; familyName: null; email: null; dateOfBirth: null; walletId: null };

export const ERASED_IDENTITY: OpenedIdentity = { erased: true, givenName: null, familyName: null, email: null, dateOfBirth: null, walletId: null };

/**
 * Crypto-shredding of learners' personal data: each learner has a data key (wrapped with the service's
 * key-encryption key) in a table outside the event stream. Events carry only sealed fields, so deleting
 * the key erases the person while every event, and the hash chain over it, stays intact.
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
   * Every learner (not erased) known under this email, oldest first. Several institutions may each hold a
   * learner with the same address: an address alone never says which of them a request means.
   */
  async learnerIdsForEmail(email: string): Promise<string[]> {
    return (await this.keys.findAllByEmailIndex(blindIndex(this.indexKey, email))).map((k) => k.learnerId);
  }

  /** Is the learner's key still there (i.e. not erased)? */
  async hasKey(learnerId: string): Promise<boolean> {
    return (await this.keys.find(learnerId)) !== undefined;
  }

  /** Seals an identity with the learner's key, creating the key on first use. */
  async seal(learnerId: string, identity: LearnerIdentity): Promise<ProtectedIdentity> {
    const stored = await this.keys.insert({
      learnerId,
      wrappedKey: seal(this.kek, newDataKey().toString('base64'), `learner-key/${learnerId}`),
      emailIndex: blindIndex(this.indexKey, identity.email),
    });
    const key = this.unwrap(stored);
    const fields: ProtectedIdentity['fields'] = {};
    for (const field of PERSONAL_FIELDS) {
      const value = identity[field];
      if (value !== undefined && value !== null && value !== '') fields[field] = seal(key, value, aad(learnerId, field));
    }
    return { keyId: learnerId, scheme: 'aes-256-gcm.v1', fields };
  }

  async open(identity: ProtectedIdentity): Promise<OpenedIdentity> {
    return (await this.openMany([identity]))[0];
  }

  /** Opens several identities with one key lookup. */
  async openMany(identities: ProtectedIdentity[]): Promise<OpenedIdentity[]> {
    const ids = [...new Set(identities.map((i) => i.keyId))];
    const found = new Map((await this.keys.findMany(ids)).map((k) => [k.learnerId, this.unwrap(k)]));
    return identities.map((identity) => {
      const key = found.get(identity.keyId);
      if (!key) return ERASED_IDENTITY;
      const opened: Partial<LearnerIdentity> = {};
      for (const field of PERSONAL_FIELDS) {
        const sealed = identity.fields[field];
        if (sealed) opened[field] = open(key, sealed, aad(identity.keyId, field));
      }
      return { erased: false, ...(opened as LearnerIdentity) };
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

const aad = (learnerId: string, field: PersonalField): string => `learner/${learnerId}/${field}`;
