import { ERASED, type RecordedEvent } from '@alliance/event-sourcing';
import type { AwardTrackOpened } from '../../domain/award/award.events';
import type { LearnerSignInRequested } from '../../domain/learner-sign-in/learner-sign-in.events';
import type { CredentialOffered } from '../../domain/wallet-offer/wallet-offer.events';
import type { LearnerAddressBook } from '../ports/learner-address-book.port';
import type { TransactionCodeMail } from '../wallet/transaction-code-mail';
import type { SignInLinkMail } from './sign-in-link-mail';

/** How issuance reaches learners: the addresses it knows them by, and the messages it sends them. */
export interface LearnerContact {
  addresses: LearnerAddressBook;
  transactionCodes: TransactionCodeMail;
  signInLinks: SignInLinkMail;
}

type Reaction = (event: RecordedEvent, now: Date) => Promise<void>;

/**
 * Issuance's reactions that reach learners, on a subscription of their own: a learner's address is noted when a
 * track opens for them, and a wallet offer's transaction code or a sign-in link is mailed. A mail server that is
 * down holds up only these (retried until it answers), never a credential. A code or link that expired while
 * waiting is not sent: it could no longer be used. Idempotent, as a checkpointed subscription may deliver again.
 */
export class LearnerMessages {
  private readonly reactions: Record<string, Reaction>;

  constructor(
    private readonly learners: LearnerContact,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.reactions = {
      AwardTrackOpened: (e) => this.trackOpened(e as RecordedEvent<AwardTrackOpened['data']>),
      CredentialOffered: async (e, now) => {
        const offer = (e as RecordedEvent<CredentialOffered['data']>).data;
        if (Date.parse(offer.expiresAt) > now.getTime()) await this.learners.transactionCodes.offered(offer);
      },
      LearnerSignInRequested: async (e, now) => {
        const request = (e as RecordedEvent<LearnerSignInRequested['data']>).data;
        if (Date.parse(request.expiresAt) > now.getTime()) await this.learners.signInLinks.requested(request);
      },
    };
  }

  get eventTypes(): string[] {
    return Object.keys(this.reactions);
  }

  async react(event: RecordedEvent): Promise<void> {
    await this.reactions[event.type]?.(event, this.clock());
  }

  private async trackOpened(e: RecordedEvent<AwardTrackOpened['data']>): Promise<void> {
    const { awardId, learner } = e.data;
    if (learner.email && learner.name !== ERASED)
      await this.learners.addresses.add({ learnerId: learner.learnerId, awardId }, learner.email);
  }
}
