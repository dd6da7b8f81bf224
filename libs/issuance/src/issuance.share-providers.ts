import type { Provider } from '@nestjs/common';
import { ShareLinks } from './application/credential-share/share-links';
import { ShareTokens } from './application/credential-share/share-tokens';
import { SharedCredentials } from './application/credential-share/shared-credentials';
import { IssuanceAggregates } from './application/issuance-aggregates';
import type { IssuanceSettings } from './application/issuance-settings';
import { ISSUANCE_SETTINGS } from './application/issuance.tokens';
import { CredentialQueries } from './application/ports/credential-queries.port';
import type { IssuanceConfig } from './issuance.config';
import type { MasterKey } from './infrastructure/key-vault/master-key';

/**
 * Learners' share links: tokens under a key derived from the master key (every replica opens what another made;
 * rotating the master key voids every link), the verification page they point to, and what they open.
 */
export function shareProviders(master: MasterKey, config: IssuanceConfig): Provider[] {
  const tokens = new ShareTokens(master.derivedKey('credential-shares'));
  return [
    { provide: ShareLinks, useValue: new ShareLinks(tokens, config.VERIFY_PAGE_URL) },
    {
      provide: SharedCredentials,
      useFactory: (a: IssuanceAggregates, q: CredentialQueries, s: IssuanceSettings) =>
        new SharedCredentials(a, q, tokens, () => s.clock()),
      inject: [IssuanceAggregates, CredentialQueries, ISSUANCE_SETTINGS],
    },
  ];
}
