import { randomBytes } from 'node:crypto';
import {
  deleteCheckpoint,
  ensureCheckpointTable,
  InMemoryEventStore,
  InMemoryLearnerKeyTable,
  PersonalDataVault,
  ProjectionRunner,
  projectionEntities,
  type ProcessUnderSpec,
  type ReadModelOrm,
  recreateReadModelTables,
  SealingEventStore,
} from '@alliance/event-sourcing';
import { institutionsFixture, jointSpec, stackSpec } from '../../../domain/__fixtures__/specs.fixture';
import type { SpecSnapshot } from '../../../domain/knowledge/spec-snapshot';
import { InMemoryKeyVaultStore } from '../../../infrastructure/key-vault/key-vault.port';
import { KeyVault } from '../../../infrastructure/key-vault/key-vault';
import { MasterKey } from '../../../infrastructure/key-vault/master-key';
import { ISSUANCE_SEALING_RULES } from '../../../infrastructure/personal-data/issuance-sealing-rules';
import { awardTracksProjection } from '../../../infrastructure/projections/award-tracks.projection';
import { credentialsProjection } from '../../../infrastructure/projections/credentials.projection';
import { OrmIssuanceQueries } from '../../../infrastructure/queries/orm-issuance-queries';
import { delegateAutomaticSigning, institutionAdmin, possessionChallenge } from '../../__fixtures__/delegation.fixture';
import { CollectAutomaticProofsHandler } from '../../commands/collect-automatic-proofs';
import { GenerateSigningKeyCommand, GenerateSigningKeyHandler } from '../../commands/generate-signing-key';
import { IssueCredentialHandler } from '../../commands/issue-credential';
import { issuanceDocumentLoader } from '../../issuance-contexts';
import { ISSUANCE_AGGREGATES, IssuanceAggregates } from '../../issuance-aggregates';
import type { IssuanceSettings } from '../../issuance-settings';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { PlatformSigner } from '../../signing/platform-signer';
import { StatusSlotAllocator } from '../../status/status-slot-allocator';
import { AwardProcess } from '../award-process';
import { CatalogueFacts } from '../catalogue-facts';
import { RecordingLearnerMail } from '../../wallet/__fixtures__/recording-learner-mail';
import { OfferCodes } from '../../wallet/offer-codes';
import { InMemoryLearnerAddressBook } from '../../__fixtures__/in-memory-learner-address-book';
import { SignInLinkMail } from '../../learner/sign-in-link-mail';
import { SignInLinks } from '../../learner/sign-in-links';
import { TransactionCodeMail } from '../../wallet/transaction-code-mail';
import { LearnerMessages } from '../../learner/learner-messages';
import { IssuanceReactor } from '../issuance-reactor';
import { LearnerErasure } from '../learner-erasure';
import { processContext } from '../process-context';
import type { IssuanceMessage } from './issuance-messages.fixture';

/** A command one of issuance's aggregates was sent. */
export interface SentCommand {
  aggregate: keyof IssuanceAggregates;
  streamId: string;
  command: { type: string } & Record<string, unknown>;
}

export interface IssuanceProcessOptions {
  /** Hand the process its own log back, as its reactor subscription does (default true). */
  follow?: boolean;
  /** Definitions issuance has learned before the spec starts. */
  knownSpecs?: SpecSnapshot[];
}

const PROJECTIONS = [credentialsProjection, awardTracksProjection];
const SETUP = { actor: { subject: 'spec-setup', role: 'system' }, correlationId: 'spec-setup' };

/**
 * Issuance's process manager as the service wires it (sealing store, real key vault and signing, read models
 * on PGlite), without Nest or a bus: other contexts' facts go where the inbox routes send them, and with
 * `follow` its own log goes to the reactor. The read models catch up before every message, as they would
 * between deliveries.
 */
export async function issuanceProcess(orm: ReadModelOrm, options: IssuanceProcessOptions = {}) {
  const raw = new InMemoryEventStore();
  const vault = new PersonalDataVault(new InMemoryLearnerKeyTable(), randomBytes(32));
  const store = new SealingEventStore(raw, vault, ISSUANCE_SEALING_RULES);
  const sent: SentCommand[] = [];
  const aggregates = recording(new IssuanceAggregates(store), sent);
  const knowledge = new KnowledgeReader(aggregates);
  const keys = new KeyVault(new InMemoryKeyVaultStore(), MasterKey.fromConfig(randomBytes(32).toString('hex')));
  const settings: IssuanceSettings = { cryptosuite: 'eddsa-jcs-2022', publicUrl: () => 'https://issuance.test', clock: () => new Date() };
  const signer = new PlatformSigner(aggregates, knowledge, keys, issuanceDocumentLoader(settings));
  const collect = new CollectAutomaticProofsHandler(aggregates, signer);
  const issue = new IssueCredentialHandler(aggregates, knowledge, new StatusSlotAllocator(raw), settings, collect);
  const queries = new OrmIssuanceQueries(orm);
  const awards = new AwardProcess(aggregates, knowledge, queries);
  const facts = new CatalogueFacts(aggregates);
  const addresses = new InMemoryLearnerAddressBook();
  const mail = new RecordingLearnerMail();
  const erasure = new LearnerErasure(vault, aggregates, queries, addresses, mail);
  const codes = new OfferCodes(randomBytes(32));
  const signInLinks = new SignInLinks(randomBytes(32));
  const reactor = new IssuanceReactor(aggregates, queries, awards, issue, collect);
  const learnerMessages = new LearnerMessages({
    addresses,
    transactionCodes: new TransactionCodeMail(aggregates, codes, mail),
    signInLinks: new SignInLinkMail(aggregates, addresses, signInLinks, mail, settings.publicUrl),
  });
  // Both of the service's subscriptions on its own log: the process manager's and learners' mail.
  const followed = [reactor, learnerMessages];
  const generateKey = new GenerateSigningKeyHandler(aggregates, keys, knowledge);

  for (const projection of PROJECTIONS) await recreateReadModelTables(orm, projectionEntities(projection, projection.version));
  await ensureCheckpointTable(orm.em.fork());
  for (const projection of PROJECTIONS) await deleteCheckpoint(orm.em.fork(), `${projection.name}_v${projection.version}`);
  // Projections read the stored (sealed) log, as in the service.
  const settle = async () => {
    for (const projection of PROJECTIONS) await new ProjectionRunner({ store: raw, orm, projection, parkAfterAttempts: false }).catchUp();
  };
  erasure.settleBeforeAbandoning(settle);

  for (const { institutionId, name, countryCode, did } of institutionsFixture().values()) {
    await aggregates.knownInstitution.handle(
      institutionId,
      { type: 'LearnInstitution', profile: { institutionId, name, countryCode, did, registeredAt: '2025-01-01T00:00:00.000Z' } },
      SETUP,
    );
  }
  for (const spec of options.knownSpecs ?? [jointSpec, stackSpec]) {
    await aggregates.knownSpec.handle(spec.specId, { type: 'LearnSpecVersion', spec }, SETUP);
  }

  // The admin generates the key once; the catalogue's registration of it may come again.
  const generatedKeys = new Map<string, string>();
  const onboard = async (institutionId: string, context: ReturnType<typeof processContext>) => {
    if (!generatedKeys.has(institutionId)) {
      const generated = await generateKey.execute(
        GenerateSigningKeyCommand.create({
          institutionId,
          challenge: possessionChallenge(institutionId, 'key-1'),
          actor: institutionAdmin(institutionId),
          correlationId: context.correlationId,
        }),
      );
      generatedKeys.set(institutionId, generated.publicKeyMultibase);
      await delegateAutomaticSigning(aggregates, institutionId);
    }
    const did = institutionsFixture().get(institutionId)!.did;
    const key = {
      keyId: 'key-1',
      verificationMethodId: `${did}#key-1`,
      publicKeyMultibase: generatedKeys.get(institutionId)!,
      custody: 'issuance-service' as const,
      validFrom: '2025-01-02T00:00:00.000Z',
    };
    await aggregates.knownInstitution.handle(institutionId, { type: 'LearnRegisteredKey', institutionId, key }, context);
  };

  const handle = async (m: IssuanceMessage): Promise<void> => {
    if (m.type === 'Logged') {
      for (const r of followed) await r.react(m.event);
      return;
    }
    const context = processContext({ eventId: m.id, correlationId: `spec-${m.id}` });
    switch (m.type) {
      case 'LearnerEnrolled':
        return awards.enrolled(m.data, context);
      case 'LearnerWithdrawn':
        return awards.withdrawn(m.data, context);
      case 'ResultRecorded':
      case 'ResultAmended':
        return awards.result(m.data, context);
      case 'LearnerErased':
        return erasure.erased(m.data, context);
      case 'SpecPublished':
        return void (await aggregates.knownSpec.handle(m.spec.specId, { type: 'LearnSpecVersion', spec: m.spec }, context));
      case 'MembershipChanged':
        return facts.membershipChanged(m.institutionId, m.status, m.from, m.reason, context);
      case 'PlatformKeyOnboarded':
        return onboard(m.institutionId, context);
    }
  };

  const process: ProcessUnderSpec<IssuanceMessage> = {
    store,
    handle,
    settle,
    sentCommands: () => sent,
    describe: (m) => (m.type === 'Logged' ? `${m.event.type} (position ${m.event.position}, followed)` : m.type),
    ...(options.follow === false
      ? {}
      : { follows: (event) => (followed.some((r) => r.eventTypes.includes(event.type)) ? { type: 'Logged' as const, event } : undefined) }),
  };
  return { process, raw, vault, aggregates, queries, knowledge, mail, codes, addresses, signInLinks };
}

/** The aggregates, with every command they are sent written down first. */
function recording(aggregates: IssuanceAggregates, sent: SentCommand[]): IssuanceAggregates {
  const recorded: Record<string, unknown> = {};
  for (const name of Object.keys(ISSUANCE_AGGREGATES.definitions) as (keyof IssuanceAggregates)[]) {
    const aggregate = aggregates[name];
    const handle = aggregate.handle as (key: unknown, command: SentCommand['command'], ...rest: unknown[]) => Promise<unknown>;
    const stream = aggregate.stream as (key: unknown) => string;
    recorded[name] = {
      ...aggregate,
      handle: (key: unknown, command: SentCommand['command'], ...rest: unknown[]) => {
        sent.push({ aggregate: name, streamId: stream(key), command });
        return handle(key, command, ...rest);
      },
    };
  }
  return recorded as unknown as IssuanceAggregates;
}
