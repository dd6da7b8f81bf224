import { aggregatesClass, defineAggregates, type EventStore } from '@alliance/event-sourcing';
import { Inject, Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { awardDecider } from '../domain/award/award.decider';
import { credentialDecider } from '../domain/credential/credential.decider';
import { credentialSharesDecider } from '../domain/credential-share/credential-share.decider';
import { finalRevocationDecider } from '../domain/final-revocation/final-revocation.decider';
import { knownInstitutionDecider } from '../domain/knowledge/known-institution.decider';
import { knownSpecDecider } from '../domain/knowledge/known-spec.decider';
import { signerDecider } from '../domain/signing/signer.decider';
import { statusRegisterDecider } from '../domain/status-list/status-register.decider';
import { statusSlotDecider } from '../domain/status-list/status-slot.decider';
import { learnerSignInDecider } from '../domain/learner-sign-in/learner-sign-in.decider';
import { walletOfferDecider } from '../domain/wallet-offer/wallet-offer.decider';
import { ISSUANCE_STORE } from './issuance.tokens';

/** Namespace of the stream ids issuance derives from several values. */
const NAMESPACE = '3c0f6d52-8b1e-4f4a-9d0e-5b8f0a6c2e71';

/** Issuance's aggregates, each in its streams `issuance.<aggregate-type>-<id>`. */
export const ISSUANCE_AGGREGATES = defineAggregates('issuance', {
  award: { decider: awardDecider },
  credential: { decider: credentialDecider },
  /** One per institution: how it signs, and the keys the platform holds for it. */
  signer: { decider: signerDecider },
  knownSpec: { decider: knownSpecDecider },
  knownInstitution: { decider: knownInstitutionDecider },
  /** One learner and one definition: the final revocation that bars a new credential, if any. */
  finalRevocation: {
    decider: finalRevocationDecider,
    id: (key: { learnerId: string; specId: string }) => uuidv5(`${key.learnerId}\n${key.specId}`, NAMESPACE),
  },
  /** One per institution: its status lists, the current one last. */
  statusRegister: { decider: statusRegisterDecider },
  /** One per index of a status list: reserved by one credential only (a conflict means taken, so no retry). */
  statusSlot: {
    decider: statusSlotDecider,
    id: (key: { listId: string; index: number }) => `${key.listId}-${key.index}`,
    maxAttempts: 1,
  },
  /** One offer of a credential to a learner's wallet (OpenID4VCI): offered, redeemed once, delivered per format. */
  walletOffer: { decider: walletOfferDecider },
  /** One sign-in link mailed to a learner for the learner page: used once, within its lifetime. */
  learnerSignIn: { decider: learnerSignInDecider },
  /** One per credential: the links its learner made for others to read it (the learner's list is its state). */
  credentialShares: { decider: credentialSharesDecider },
});

/**
 * Issuance's aggregates on the kernel's command handler (`aggregates.credential.handle(credentialId, command,
 * context)`), over issuance's event store as its deciders see it (personal fields sealed on append).
 */
@Injectable()
export class IssuanceAggregates extends aggregatesClass(ISSUANCE_AGGREGATES) {
  constructor(@Inject(ISSUANCE_STORE) store: EventStore) {
    super(store);
  }
}
