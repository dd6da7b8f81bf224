import type { CredentialOffered } from '../../domain/wallet-offer/wallet-offer.events';
import { ERASED } from '@alliance/event-sourcing';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { LearnerMail } from '../ports/learner-mail.port';
import type { OfferCodes } from './offer-codes';

/** What became of an offer's transaction code. */
export type TransactionCodeSent = 'sent' | 'no-code-asked' | 'no-address' | 'learner-erased';

/**
 * Sends the learner the transaction code of a wallet offer, out of band (the offer itself is shown as a QR code
 * or link elsewhere). The code is derived again from the offer id, so a repeat sends the same code.
 */
export class TransactionCodeMail {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly codes: OfferCodes,
    private readonly mail: LearnerMail,
  ) {}

  async offered(offer: CredentialOffered['data']): Promise<TransactionCodeSent> {
    if (!offer.txCode) return 'no-code-asked';
    const credential = (await this.aggregates.credential.load(offer.credentialId)).state;
    const track = credential && (await this.aggregates.award.load(credential.awardId)).state;
    const learner = track?.learner;
    if (!learner || learner.name === ERASED) return 'learner-erased';
    if (!learner.email) return 'no-address';
    const code = this.codes.txCode(offer.offerId, offer.txCode.length);
    await this.mail.send({
      kind: 'wallet-offer-transaction-code',
      learnerId: offer.learnerId,
      to: learner.email,
      reference: offer.offerId,
      subject: 'Your code to receive your credential in a wallet',
      text: [
        `Hello ${learner.name},`,
        '',
        `Your wallet will ask for a transaction code when you accept the credential offer. Your code is ${code}.`,
        `It works once, until ${offer.expiresAt}. If you did not ask for this offer, ignore this message.`,
      ].join('\n'),
    });
    return 'sent';
  }
}
