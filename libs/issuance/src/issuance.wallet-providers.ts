import type { Provider } from '@nestjs/common';
import type { ReadModelOrm } from '@alliance/event-sourcing';
import { IssuanceAggregates } from './application/issuance-aggregates';
import type { IssuanceSettings } from './application/issuance-settings';
import { ISSUANCE_ORM, ISSUANCE_SETTINGS } from './application/issuance.tokens';
import { KnowledgeReader } from './application/knowledge/knowledge-reader';
import { KeyCustody } from './application/ports/key-custody.port';
import { LearningCredentialSigning } from './application/wallet/learning-credential-signing';
import { LearningCredentialStatus } from './application/wallet/learning-credential-status';
import { OfferCodes } from './application/wallet/offer-codes';
import { WalletCredentials } from './application/wallet/wallet-credentials';
import { WalletDelivery } from './application/wallet/wallet-delivery';
import { WalletOffers } from './application/wallet/wallet-offers';
import { WalletProtocol } from './application/wallet/wallet-protocol';
import { WalletRedemption } from './application/wallet/wallet-redemption';
import type { MasterKey } from './infrastructure/key-vault/master-key';
import { OrmStatusListQueries } from './infrastructure/queries/orm-status-list-queries';

/**
 * Learners' wallets (OpenID4VCI): the protocol layer under issuance's public URL, with its access-token key and
 * nonce key derived from the master key (so every replica checks what another made), and the services over
 * wallet offers that the endpoints call.
 */
export function walletProviders(master: MasterKey): Provider[] {
  return [
    {
      provide: WalletProtocol,
      useFactory: (settings: IssuanceSettings) =>
        new WalletProtocol({
          issuerUrl: () => settings.publicUrl(),
          accessTokenSeed: master.derivedKey('oid4vci-access-tokens'),
          nonceSecret: master.derivedKey('oid4vci-nonces'),
        }),
      inject: [ISSUANCE_SETTINGS],
    },
    {
      provide: LearningCredentialSigning,
      useFactory: (a: IssuanceAggregates, k: KnowledgeReader, c: KeyCustody) => new LearningCredentialSigning(a, k, c),
      inject: [IssuanceAggregates, KnowledgeReader, KeyCustody],
    },
    {
      provide: LearningCredentialStatus,
      useFactory: (orm: ReadModelOrm, signing: LearningCredentialSigning, s: IssuanceSettings) =>
        new LearningCredentialStatus(new OrmStatusListQueries(orm), signing, s),
      inject: [ISSUANCE_ORM, LearningCredentialSigning, ISSUANCE_SETTINGS],
    },
    {
      provide: WalletOffers,
      useFactory: (a: IssuanceAggregates, codes: OfferCodes, wallet: WalletProtocol) => new WalletOffers(a, codes, wallet),
      inject: [IssuanceAggregates, OfferCodes, WalletProtocol],
    },
    {
      provide: WalletRedemption,
      useFactory: (a: IssuanceAggregates, codes: OfferCodes, wallet: WalletProtocol) => new WalletRedemption(a, codes, wallet),
      inject: [IssuanceAggregates, OfferCodes, WalletProtocol],
    },
    {
      provide: WalletDelivery,
      useFactory: (
        a: IssuanceAggregates,
        k: KnowledgeReader,
        signing: LearningCredentialSigning,
        status: LearningCredentialStatus,
        wallet: WalletProtocol,
        s: IssuanceSettings,
      ) =>
        new WalletDelivery(
          a,
          new WalletCredentials(
            a,
            k,
            signing,
            status,
            () => s.publicUrl(),
            () => s.clock(),
          ),
          wallet,
        ),
      inject: [IssuanceAggregates, KnowledgeReader, LearningCredentialSigning, LearningCredentialStatus, WalletProtocol, ISSUANCE_SETTINGS],
    },
  ];
}
