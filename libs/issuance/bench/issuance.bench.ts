/**
 * Issuance throughput: credentials co-issued by three universities, each run through issuance's own
 * application layer (compose with the OB builder, allocate a random status slot, draft, three proofs with
 * keys opened from the sealed vault, issued with its hash) on the embedded event store.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CryptosuiteName, type JsonObject } from '@alliance/credentials';
import { createEventStore } from '@alliance/event-sourcing';
import { CollectAutomaticProofsHandler } from '../src/application/commands/collect-automatic-proofs';
import { GenerateSigningKeyCommand, GenerateSigningKeyHandler } from '../src/application/commands/generate-signing-key';
import { IssueCredentialCommand, IssueCredentialHandler } from '../src/application/commands/issue-credential';
import { issuanceDocumentLoader } from '../src/application/issuance-contexts';
import { IssuanceAggregates } from '../src/application/issuance-aggregates';
import { KnowledgeReader } from '../src/application/knowledge/knowledge-reader';
import { PlatformSigner } from '../src/application/signing/platform-signer';
import { StatusListPublisher } from '../src/application/status/status-list-publisher';
import { StatusSlotAllocator } from '../src/application/status/status-slot-allocator';
import { securedDocument } from '../src/domain/credential/credential.state';
import type { InstitutionSnapshot } from '../src/domain/knowledge/institution-snapshot';
import type { SpecSnapshot } from '../src/domain/knowledge/spec-snapshot';
import { InMemoryKeyVaultStore } from '../src/infrastructure/key-vault/key-vault.port';
import { KeyVault } from '../src/infrastructure/key-vault/key-vault';
import { MasterKey } from '../src/infrastructure/key-vault/master-key';
import { delegateAutomaticSigning, institutionAdmin, possessionChallenge } from '../src/application/__fixtures__/delegation.fixture';

export interface IssuanceBenchResult {
  cryptosuite: CryptosuiteName;
  issued: number;
  seconds: number;
  perSecond: number;
  /** The signed credentials, for the verification benchmark. */
  documents: JsonObject[];
  /** The members as the registry knows them (DIDs, keys), for the verifier. */
  members: InstitutionSnapshot[];
  /** The signed status list credentials the documents point to, by URL. */
  statusLists: Record<string, JsonObject>;
}

const SYSTEM = { actor: { subject: 'bench', role: 'alliance-admin' }, correlationId: 'bench' };
const IDS = ['0190f5a0-0000-7000-8000-0000000000a1', '0190f5a0-0000-7000-8000-0000000000a2', '0190f5a0-0000-7000-8000-0000000000a3'];

const spec: SpecSnapshot = {
  specId: 'bench-spec',
  version: 1,
  title: 'Sustainable Energy Systems',
  awardingBodies: IDS.map((institutionId, i) => ({ institutionId, lead: i === 0 })),
  components: IDS.map((institutionId, i) => ({ code: `C${i + 1}`, title: `Component ${i + 1}`, institutionId, ects: 2 })),
  issuanceRule: { allComponentsPassed: true },
  gradingScheme: { type: 'numeric', minimum: 0, maximum: 10, passMark: 5 },
  definition: {
    title: 'Sustainable Energy Systems',
    description: 'Joint micro-credential of three universities.',
    learningOutcomes: [{ description: 'Model a photovoltaic installation' }, { description: 'Assess life-cycle emissions' }],
    ects: 6,
    eqfLevel: 7,
    assessmentType: 'Written examination',
    formOfParticipation: 'blended',
    qualityAssurance: { type: 'Internal quality assurance', body: 'Alliance Quality Board' },
    languages: ['en'],
  },
};

export async function benchIssuance(cryptosuite: CryptosuiteName, seconds: number, concurrency: number): Promise<IssuanceBenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-issuance-'));
  const store = await createEventStore({ kind: 'embedded', dataDir });
  try {
    const aggregates = new IssuanceAggregates(store);
    const knowledge = new KnowledgeReader(aggregates);
    const vault = new KeyVault(new InMemoryKeyVaultStore(), MasterKey.fromConfig(randomBytes(32).toString('hex')));
    await aggregates.knownSpec.handle(spec.specId, { type: 'LearnSpecVersion', spec }, SYSTEM);
    const generate = new GenerateSigningKeyHandler(aggregates, vault, knowledge);
    for (const [i, institutionId] of IDS.entries()) {
      const did = `did:web:uni-${'abc'[i]}.example`;
      await aggregates.knownInstitution.handle(
        institutionId,
        {
          type: 'LearnInstitution',
          profile: {
            institutionId,
            name: `University ${'ABC'[i]}`,
            countryCode: ['DE', 'PT', 'FI'][i],
            did,
            registeredAt: '2025-01-01T00:00:00.000Z',
          },
        },
        SYSTEM,
      );
      const key = await generate.execute(
        GenerateSigningKeyCommand.create({
          institutionId,
          challenge: possessionChallenge(institutionId, 'key-1'),
          actor: institutionAdmin(institutionId),
          correlationId: 'bench',
        }),
      );
      await delegateAutomaticSigning(aggregates, institutionId);
      await aggregates.knownInstitution.handle(
        institutionId,
        {
          type: 'LearnRegisteredKey',
          institutionId,
          key: {
            keyId: 'key-1',
            verificationMethodId: `${did}#key-1`,
            publicKeyMultibase: key.publicKeyMultibase,
            custody: 'issuance-service',
            validFrom: '2025-01-02T00:00:00.000Z',
          },
        },
        SYSTEM,
      );
    }
    const settings = { cryptosuite, publicUrl: () => 'https://issuance.alliance.example', clock: () => new Date() };
    const issue = new IssueCredentialHandler(
      aggregates,
      knowledge,
      new StatusSlotAllocator(store),
      settings,
      new CollectAutomaticProofsHandler(aggregates, new PlatformSigner(aggregates, knowledge, vault, issuanceDocumentLoader(settings))),
    );
    const ids: string[] = [];
    let n = 0;
    const started = process.hrtime.bigint();
    const deadline = Date.now() + seconds * 1000;
    const worker = async () => {
      while (Date.now() < deadline) {
        const k = n++;
        const credentialId = `0190f5a0-0000-7000-8000-${String(k).padStart(12, '0')}`;
        await issue.execute(
          IssueCredentialCommand.create({
            award: {
              awardId: `enr-${k}`,
              credentialId,
              learner: { learnerId: `l-${k}`, name: `Ada Learner ${k}` },
              specId: spec.specId,
              specVersion: 1,
              awardedAt: new Date().toISOString(),
              grades: IDS.map((institutionId, i) => ({ componentCode: `C${i + 1}`, institutionId, grade: 8 })),
            },
            ...SYSTEM,
          }),
        );
        ids.push(credentialId);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    const documents: JsonObject[] = [];
    for (const id of ids.slice(0, 200)) {
      const state = (await aggregates.credential.load(id)).state!;
      if (state.lifecycle !== 'issued') throw new Error(`bench credential ${id} is ${state.lifecycle}`);
      documents.push(securedDocument(state));
    }
    const members = (await knowledge.institutions(IDS)).values();
    const statusLists: Record<string, JsonObject> = {};
    const publisher = new StatusListPublisher(
      {
        statusList: async (listId) => ({
          listId,
          institutionId: IDS[0],
          layout: 'purposes',
          length: 131_072,
          changedPosition: 1,
          entries: [],
        }),
        listsOf: async () => [],
      },
      aggregates,
      knowledge,
      vault,
      settings,
    );
    for (const doc of documents) {
      const url = (doc.credentialStatus as JsonObject).statusListCredential as string;
      statusLists[url] ??= (await publisher.credential(url.split('/').pop()!)).credential;
    }
    return {
      cryptosuite,
      issued: ids.length,
      seconds: elapsed,
      perSecond: ids.length / elapsed,
      documents,
      members: [...members],
      statusLists,
    };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
