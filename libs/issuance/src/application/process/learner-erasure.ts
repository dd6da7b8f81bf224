import type { LearnerErasedV1 } from '@alliance/contracts';
import type { CommandContext, PersonalDataVault } from '@alliance/event-sourcing';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { LearnerAddressBook } from '../ports/learner-address-book.port';
import type { LearnerMail } from '../ports/learner-mail.port';

/** The read model question erasure asks. */
export interface LearnerCredentialQueries {
  /** The learner's credentials still collecting proofs. */
  pendingCredentialsOfLearner(learnerId: string): Promise<string[]>;
}

export const ERASURE_REASON = 'learner erased: the credential can no longer be signed';

/**
 * Enrolment erased a learner. Issuance deletes the learner's key first (from then on every sealed field of
 * theirs reads as erased, whatever happens next), forgets the addresses it could mail them at and whatever the
 * mail adapter kept of the messages sent to them, then abandons the learner's credentials still collecting
 * proofs: no awarding body can sign a document nobody can open any more. Issued credentials keep their status
 * slots, so revocation and suspension lists stay correct and the learner's own copy stays verifiable.
 * Between the two, the process manager and the read models are let catch up, so that a credential drafted
 * just before the key went (by a reaction already under way) is among those abandoned.
 * Idempotent: a redelivered erasure finds no key and no pending credential.
 */
export class LearnerErasure {
  private settle: () => Promise<void> = async () => undefined;

  constructor(
    private readonly vault: PersonalDataVault,
    private readonly aggregates: IssuanceAggregates,
    private readonly queries: LearnerCredentialQueries,
    private readonly addresses: LearnerAddressBook,
    private readonly mail: LearnerMail,
  ) {}

  /** What lets drafts in flight land in the read model before pending credentials are looked up. */
  settleBeforeAbandoning(settle: () => Promise<void>): void {
    this.settle = settle;
  }

  async erased(p: LearnerErasedV1, context: CommandContext): Promise<void> {
    await this.vault.erase(p.learnerId);
    await this.addresses.forget(p.learnerId);
    await this.mail.forget(p.learnerId);
    await this.settle();
    for (const credentialId of await this.queries.pendingCredentialsOfLearner(p.learnerId)) {
      await this.aggregates.credential.handle(
        credentialId,
        { type: 'RevokeCredential', credentialId, reason: ERASURE_REASON, authority: { kind: 'issuance-process' } },
        context,
      );
    }
  }
}
