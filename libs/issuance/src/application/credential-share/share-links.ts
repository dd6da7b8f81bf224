import { IssuanceException } from '../../domain/issuance.exception';
import type { ShareTarget, ShareTokens } from './share-tokens';

/** The link a learner hands an employer: the verification page, told which shared credential to fetch and check. */
export class ShareLinks {
  constructor(
    readonly tokens: ShareTokens,
    /** The employer page's public address (VERIFY_PAGE_URL); unset when issuance was not told where it is. */
    private readonly verifyPageUrl: string | undefined,
  ) {}

  url(target: ShareTarget): string {
    const page = new URL(this.page());
    page.searchParams.set('share', this.tokens.token(target));
    return page.href;
  }

  /** The verification page itself, where an employer checks a credential they were given as a file. */
  page(): string {
    if (!this.verifyPageUrl) {
      throw new IssuanceException(
        'issuance.credential-share.verify-page-unknown',
        'issuance does not know the address of the verification page: set VERIFY_PAGE_URL',
      );
    }
    return this.verifyPageUrl;
  }
}
