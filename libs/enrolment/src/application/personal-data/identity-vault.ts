import { type LearnerKeyTable, PersonalDataVault } from '@alliance/event-sourcing';
import { type LearnerIdentity, PERSONAL_FIELDS, type ProtectedIdentity } from '../../domain/protected-identity';

/** An identity read back: the clear fields, or every field marked erased once the key is gone. */
export type OpenedIdentity =
  | ({ erased: false } & LearnerIdentity)
  | { erased: true; givenName: null; familyName: null; email: null; dateOfBirth: null; walletId: null };

export const ERASED_IDENTITY: OpenedIdentity = {
  erased: true,
  givenName: null,
  familyName: null,
  email: null,
  dateOfBirth: null,
  walletId: null,
};

/**
 * Enrolment's learner identities over the platform's personal-data vault: each identity field is sealed with
 * the learner's key, and the key is indexed by the learner's email so a learner can be found by it.
 */
export class IdentityVault {
  private readonly vault: PersonalDataVault;

  constructor(keys: LearnerKeyTable, kek: Buffer) {
    this.vault = new PersonalDataVault(keys, kek);
  }

  /** Every learner (not erased) known under this email, oldest first. */
  learnerIdsForEmail(email: string): Promise<string[]> {
    return this.vault.learnerIdsForEmail(email);
  }

  /** Is the learner's key still there (i.e. not erased)? */
  hasKey(learnerId: string): Promise<boolean> {
    return this.vault.hasKey(learnerId);
  }

  /** Seals an identity with the learner's key, creating the key on first use. */
  async seal(learnerId: string, identity: LearnerIdentity): Promise<ProtectedIdentity> {
    const fields = Object.fromEntries(PERSONAL_FIELDS.map((f) => [f, identity[f]]));
    const sealed = await this.vault.seal(learnerId, fields, { email: identity.email });
    return { keyId: sealed.keyId, scheme: sealed.scheme, fields: sealed.fields };
  }

  async open(identity: ProtectedIdentity): Promise<OpenedIdentity> {
    return (await this.openMany([identity]))[0];
  }

  /** Opens several identities with one key lookup. */
  async openMany(identities: ProtectedIdentity[]): Promise<OpenedIdentity[]> {
    const opened = await this.vault.openMany(
      identities.map((i) => ({ keyId: i.keyId, scheme: 'aes-256-gcm.v1' as const, fields: i.fields })),
    );
    return opened.map((o) => (o.erased ? ERASED_IDENTITY : { erased: false, ...(o.fields as LearnerIdentity) }));
  }

  /** Destroys the learner's key: every sealed field of theirs becomes unreadable for good. */
  erase(learnerId: string): Promise<boolean> {
    return this.vault.erase(learnerId);
  }
}
