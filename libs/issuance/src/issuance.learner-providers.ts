import { resolve } from 'node:path';
import type { Provider } from '@nestjs/common';
import type { ReadModelOrm } from '@alliance/event-sourcing';
import { IssuanceAggregates } from './application/issuance-aggregates';
import type { IssuanceSettings } from './application/issuance-settings';
import { ISSUANCE_ORM, ISSUANCE_SETTINGS } from './application/issuance.tokens';
import { KnowledgeReader } from './application/knowledge/knowledge-reader';
import { LearnerMessages } from './application/learner/learner-messages';
import { LearnerOverview } from './application/learner/learner-overview';
import { LearnerSignIns } from './application/learner/learner-sign-ins';
import { SignInLinkMail } from './application/learner/sign-in-link-mail';
import { SignInLinks } from './application/learner/sign-in-links';
import { CredentialQueries } from './application/ports/credential-queries.port';
import { LearnerAddressBook } from './application/ports/learner-address-book.port';
import { LearnerMail } from './application/ports/learner-mail.port';
import { OfferCodes } from './application/wallet/offer-codes';
import { TransactionCodeMail } from './application/wallet/transaction-code-mail';
import type { IssuanceConfig } from './issuance.config';
import type { MasterKey } from './infrastructure/key-vault/master-key';
import { FileLearnerMail } from './infrastructure/mail/file-learner-mail';
import { SmtpLearnerMail } from './infrastructure/mail/smtp-learner-mail';
import { MikroOrmLearnerAddressBook } from './infrastructure/personal-data/mikro-orm-learner-address-book';
import { OrmIssuanceQueries } from './infrastructure/queries/orm-issuance-queries';

/** The mail adapter LEARNER_MAIL names (configuration validation already asked for SMTP_URL and SMTP_FROM with `smtp`). */
function learnerMail(config: IssuanceConfig): LearnerMail {
  const { LEARNER_MAIL: kind, SMTP_URL: url, SMTP_FROM: from } = config;
  if (kind === 'file') return new FileLearnerMail(resolve(config.DATA_DIR, 'mail', 'learner-mail.jsonl'));
  if (!url || !from) throw new Error('LEARNER_MAIL=smtp needs SMTP_URL and SMTP_FROM');
  return new SmtpLearnerMail({
    url,
    from,
    requireTls: config.SMTP_REQUIRE_TLS,
    timeoutMs: config.SMTP_TIMEOUT_MS,
  });
}

/**
 * Reaching learners: the address book (keyed hashes, key derived from the master key), the mail adapter, sign-in
 * links and sessions, the learner page's overview, and the mail subscription's reactions.
 */
export function learnerProviders(master: MasterKey, config: IssuanceConfig): Provider[] {
  return [
    {
      provide: LearnerAddressBook,
      useFactory: (orm: ReadModelOrm) => new MikroOrmLearnerAddressBook(orm, master.derivedKey('learner-address-book')),
      inject: [ISSUANCE_ORM],
    },
    { provide: LearnerMail, useFactory: () => learnerMail(config) },
    // Derived from the master key: rotating it voids open sign-in links.
    { provide: SignInLinks, useFactory: () => new SignInLinks(master.derivedKey('learner-sign-in-links')) },
    {
      provide: LearnerSignIns,
      useFactory: (a: IssuanceAggregates, addresses: LearnerAddressBook, links: SignInLinks) =>
        new LearnerSignIns(a, addresses, links, config),
      inject: [IssuanceAggregates, LearnerAddressBook, SignInLinks],
    },
    {
      provide: LearnerOverview,
      useFactory: (a: IssuanceAggregates, orm: ReadModelOrm, c: CredentialQueries, k: KnowledgeReader) =>
        new LearnerOverview(a, new OrmIssuanceQueries(orm), c, k),
      inject: [IssuanceAggregates, ISSUANCE_ORM, CredentialQueries, KnowledgeReader],
    },
    {
      provide: LearnerMessages,
      useFactory: (
        a: IssuanceAggregates,
        codes: OfferCodes,
        addresses: LearnerAddressBook,
        mail: LearnerMail,
        links: SignInLinks,
        s: IssuanceSettings,
      ) =>
        new LearnerMessages(
          {
            addresses,
            transactionCodes: new TransactionCodeMail(a, codes, mail),
            signInLinks: new SignInLinkMail(a, addresses, links, mail, () => s.publicUrl()),
          },
          () => s.clock(),
        ),
      inject: [IssuanceAggregates, OfferCodes, LearnerAddressBook, LearnerMail, SignInLinks, ISSUANCE_SETTINGS],
    },
  ];
}
