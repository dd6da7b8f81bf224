import { ERASED } from '@alliance/event-sourcing';
import type { LearnerSignInRequested } from '../../domain/learner-sign-in/learner-sign-in.events';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { LearnerAddressBook } from '../ports/learner-address-book.port';
import type { LearnerMail } from '../ports/learner-mail.port';
import type { SignInLinks } from './sign-in-links';

/** Where the learner page lives under issuance's public URL; the link's token rides in the fragment, never sent to a server log. */
export const learnerPageLink = (publicUrl: string, token: string) => `${publicUrl}/learner#sign-in=${token}`;

/**
 * Mails a requested sign-in link to the learner, at the address their enrolment gave (read from one of their award
 * tracks, so an erased learner gets nothing). The link is derived again from the sign-in id, so a repeat sends the same.
 */
export class SignInLinkMail {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly addresses: LearnerAddressBook,
    private readonly links: SignInLinks,
    private readonly mail: LearnerMail,
    private readonly publicUrl: () => string,
  ) {}

  async requested(request: LearnerSignInRequested['data']): Promise<'sent' | 'learner-erased'> {
    const tracks = await this.addresses.tracksOf(request.learnerId);
    for (const awardId of tracks) {
      const learner = (await this.aggregates.award.load(awardId)).state?.learner;
      if (!learner?.email || learner.name === ERASED) continue;
      await this.mail.send({
        kind: 'learner-sign-in-link',
        learnerId: request.learnerId,
        to: learner.email,
        reference: request.signInId,
        subject: 'Your link to sign in to your micro-credentials',
        text: [
          `Hello ${learner.name},`,
          '',
          'Open this link to see your enrolments and credentials, download them, share them with an employer or add them to your wallet:',
          learnerPageLink(this.publicUrl(), this.links.tokenOf(request.signInId)),
          '',
          `It works once, until ${request.expiresAt}. If you did not ask to sign in, ignore this message: nobody can sign in without it.`,
        ].join('\n'),
      });
      return 'sent';
    }
    return 'learner-erased';
  }
}
