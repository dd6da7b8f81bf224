import { Logger, type Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { DocumentLoader } from '@alliance/credentials';
import {
  loadKeyEncryptionKey,
  openLearnerKeyTable,
  PersonalDataVault,
  type ReadModelOrm,
  SealingEventStore,
} from '@alliance/event-sourcing';
import { MemberStandingSource, memberStandingFrom, serviceBaseUrl } from '@alliance/nest-kit';
import { type ServiceRuntime } from '@alliance/service-runtime';
import { CollectAutomaticProofsHandler } from './application/commands/collect-automatic-proofs';
import { IssueCredentialHandler } from './application/commands/issue-credential';
import { issuanceDocumentLoader } from './application/issuance-contexts';
import { IssuanceAggregates } from './application/issuance-aggregates';
import type { IssuanceSettings } from './application/issuance-settings';
import { ISSUANCE_CONTEXTS, ISSUANCE_ORM, ISSUANCE_SETTINGS, ISSUANCE_STORE, PERSONAL_DATA } from './application/issuance.tokens';
import { KnowledgeReader } from './application/knowledge/knowledge-reader';
import { KeyCustody } from './application/ports/key-custody.port';
import { IssuanceQueries } from './application/ports/issuance-queries.port';
import { CredentialQueries } from './application/ports/credential-queries.port';
import { AwardProcess } from './application/process/award-process';
import { CatalogueFacts } from './application/process/catalogue-facts';
import { IssuanceReactor } from './application/process/issuance-reactor';
import { LearnerErasure } from './application/process/learner-erasure';
import { PlatformSigner } from './application/signing/platform-signer';
import { SignerAuthentication } from './application/signing/signer-authentication';
import { SigningRequests } from './application/signing/signing-requests';
import { StatusListPublisher } from './application/status/status-list-publisher';
import { StatusSlotAllocator } from './application/status/status-slot-allocator';
import type { IssuanceConfig } from './issuance.config';
import { ISSUANCE, openIssuanceDatabase } from './infrastructure/issuance-database';
import { KeyVault } from './infrastructure/key-vault/key-vault';
import { loadMasterKey } from './infrastructure/key-vault/load-master-key';
import { OfferCodes } from './application/wallet/offer-codes';
import { LearnerAddressBook } from './application/ports/learner-address-book.port';
import { learnerProviders } from './issuance.learner-providers';
import { LearnerMail } from './application/ports/learner-mail.port';
import { shareProviders } from './issuance.share-providers';
import { walletProviders } from './issuance.wallet-providers';
import { MikroOrmKeyVaultStore } from './infrastructure/key-vault/mikro-orm-key-vault.store';
import { ISSUANCE_LEARNER_KEY_TABLE, ISSUANCE_SEALING_RULES } from './infrastructure/personal-data/issuance-sealing-rules';
import { OrmCredentialQueries } from './infrastructure/queries/orm-credential-queries';
import { OrmIssuanceQueries } from './infrastructure/queries/orm-issuance-queries';
import { watchStatusListCommits } from './infrastructure/projections/status-list-commits';
import { OrmStatusListQueries } from './infrastructure/queries/orm-status-list-queries';

/**
 * Where status lists are published, as credentials name them: ISSUANCE_PUBLIC_URL; else the service's own
 * PUBLIC_BASE_URL when one was configured; else the address it listens on (development, tests on random ports).
 */
function publicUrl(adapterHost: HttpAdapterHost, config: IssuanceConfig): string {
  if (config.ISSUANCE_PUBLIC_URL) return config.ISSUANCE_PUBLIC_URL;
  const address = adapterHost.httpAdapter?.getHttpServer()?.address();
  return serviceBaseUrl(config, typeof address === 'object' && address ? address.port : undefined);
}

/** Issuance's object graph: ports bound to adapters, chosen by the runtime's configuration. */
export function issuanceProviders(runtime: ServiceRuntime<IssuanceConfig>): Provider[] {
  const config = runtime.config;
  const master = loadMasterKey(config);
  if (master.generated) {
    new Logger('IssuanceModule').warn(
      'ISSUANCE_MASTER_KEY is not set: a development master key was generated under DATA_DIR; set ISSUANCE_MASTER_KEY (32 random bytes, hex) anywhere keys matter',
    );
  }
  return [
    { provide: ISSUANCE_ORM, useFactory: () => openIssuanceDatabase(config) },
    {
      provide: PERSONAL_DATA,
      useFactory: async (orm: ReadModelOrm) => {
        const keys = await openLearnerKeyTable(config, { service: ISSUANCE, orm, table: ISSUANCE_LEARNER_KEY_TABLE });
        return new PersonalDataVault(
          keys,
          await loadKeyEncryptionKey(config, { service: ISSUANCE, orm, warn: (m) => new Logger('PersonalData').warn(m) }),
        );
      },
      inject: [ISSUANCE_ORM],
    },
    {
      provide: ISSUANCE_STORE,
      useFactory: (vault: PersonalDataVault) => new SealingEventStore(runtime.eventStore, vault, ISSUANCE_SEALING_RULES),
      inject: [PERSONAL_DATA],
    },
    // Derived from the master key: rotating it voids open wallet offers (see OfferCodes).
    { provide: OfferCodes, useFactory: () => new OfferCodes(master.key.derivedKey('wallet-offer-codes')) },
    ...walletProviders(master.key),
    ...learnerProviders(master.key, config),
    ...shareProviders(master.key, config),
    { provide: KnowledgeReader, useFactory: (a: IssuanceAggregates) => new KnowledgeReader(a), inject: [IssuanceAggregates] },
    {
      provide: MemberStandingSource,
      useFactory: (k: KnowledgeReader) => memberStandingFrom(async (id) => (await k.institution(id))?.status),
      inject: [KnowledgeReader],
    },
    {
      provide: KeyCustody,
      useFactory: (orm: ReadModelOrm) => new KeyVault(new MikroOrmKeyVaultStore(orm), master.key),
      inject: [ISSUANCE_ORM],
    },
    {
      provide: ISSUANCE_SETTINGS,
      useFactory: (host: HttpAdapterHost): IssuanceSettings => ({
        cryptosuite: config.ISSUANCE_CRYPTOSUITE,
        publicUrl: () => publicUrl(host, config),
        contextBaseUrl: () => config.CONTEXT_BASE_URL ?? publicUrl(host, config),
        clock: () => new Date(),
        statusEntries: config.ISSUANCE_STATUS_ENTRIES,
      }),
      inject: [HttpAdapterHost],
    },
    { provide: ISSUANCE_CONTEXTS, useFactory: (s: IssuanceSettings) => issuanceDocumentLoader(s), inject: [ISSUANCE_SETTINGS] },
    { provide: StatusSlotAllocator, useFactory: () => new StatusSlotAllocator(runtime.eventStore) },
    {
      provide: PlatformSigner,
      useFactory: (a: IssuanceAggregates, k: KnowledgeReader, c: KeyCustody, contexts: DocumentLoader) =>
        new PlatformSigner(a, k, c, contexts),
      inject: [IssuanceAggregates, KnowledgeReader, KeyCustody, ISSUANCE_CONTEXTS],
    },
    {
      provide: CredentialQueries,
      useFactory: (orm: ReadModelOrm, vault: PersonalDataVault) => new OrmCredentialQueries(orm, vault),
      inject: [ISSUANCE_ORM, PERSONAL_DATA],
    },
    {
      provide: LearnerErasure,
      useFactory: (vault: PersonalDataVault, a: IssuanceAggregates, orm: ReadModelOrm, addresses: LearnerAddressBook, mail: LearnerMail) =>
        new LearnerErasure(vault, a, new OrmIssuanceQueries(orm), addresses, mail),
      inject: [PERSONAL_DATA, IssuanceAggregates, ISSUANCE_ORM, LearnerAddressBook, LearnerMail],
    },
    { provide: CatalogueFacts, useFactory: (a: IssuanceAggregates) => new CatalogueFacts(a), inject: [IssuanceAggregates] },
    {
      provide: AwardProcess,
      useFactory: (a: IssuanceAggregates, k: KnowledgeReader, orm: ReadModelOrm) => new AwardProcess(a, k, new OrmIssuanceQueries(orm)),
      inject: [IssuanceAggregates, KnowledgeReader, ISSUANCE_ORM],
    },
    {
      provide: IssuanceReactor,
      useFactory: (
        a: IssuanceAggregates,
        orm: ReadModelOrm,
        awards: AwardProcess,
        issue: IssueCredentialHandler,
        collect: CollectAutomaticProofsHandler,
      ) => new IssuanceReactor(a, new OrmIssuanceQueries(orm), awards, issue, collect),
      inject: [IssuanceAggregates, ISSUANCE_ORM, AwardProcess, IssueCredentialHandler, CollectAutomaticProofsHandler],
    },
    {
      provide: StatusListPublisher,
      useFactory: (orm: ReadModelOrm, a: IssuanceAggregates, k: KnowledgeReader, c: KeyCustody, s: IssuanceSettings) => {
        // An embedded read model is written by this process only: its changes are pushed. A shared one (replicas) is checked per request.
        const publisher = new StatusListPublisher(
          new OrmStatusListQueries(orm),
          a,
          k,
          c,
          s,
          undefined,
          config.READ_MODEL === 'pglite' ? 'pushed' : 'checked',
        );
        watchStatusListCommits(orm, (listId) => publisher.listChanged(listId));
        return publisher;
      },
      inject: [ISSUANCE_ORM, IssuanceAggregates, KnowledgeReader, KeyCustody, ISSUANCE_SETTINGS],
    },
    { provide: IssuanceQueries, useFactory: (orm: ReadModelOrm) => new OrmIssuanceQueries(orm), inject: [ISSUANCE_ORM] },
    { provide: SignerAuthentication, useFactory: (k: KnowledgeReader) => new SignerAuthentication(k), inject: [KnowledgeReader] },
    {
      provide: SigningRequests,
      useFactory: (a: IssuanceAggregates, k: KnowledgeReader, q: OrmIssuanceQueries, contexts: DocumentLoader) =>
        new SigningRequests(a, k, q, contexts),
      inject: [IssuanceAggregates, KnowledgeReader, IssuanceQueries, ISSUANCE_CONTEXTS],
    },
  ];
}
