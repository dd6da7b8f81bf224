/**
 * The issuance side both ways of co-signing share: an embedded event store in a temporary directory, issuance's
 * aggregates and knowledge, one joint definition awarded by three universities, and award tracks on which every
 * component was passed, so each track grants one credential.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CryptosuiteName, DocumentLoader } from '@alliance/credentials';
import { createEventStore, type EventStore } from '@alliance/event-sourcing';
import type { CollectAutomaticProofsHandler } from '../../libs/issuance/src/application/commands/collect-automatic-proofs';
import { IssueCredentialCommand, IssueCredentialHandler } from '../../libs/issuance/src/application/commands/issue-credential';
import { issuanceDocumentLoader } from '../../libs/issuance/src/application/issuance-contexts';
import { IssuanceAggregates } from '../../libs/issuance/src/application/issuance-aggregates';
import type { IssuanceSettings } from '../../libs/issuance/src/application/issuance-settings';
import { KnowledgeReader } from '../../libs/issuance/src/application/knowledge/knowledge-reader';
import { StatusSlotAllocator } from '../../libs/issuance/src/application/status/status-slot-allocator';
import type { AwardGranted } from '../../libs/issuance/src/domain/award/award.events';
import type { RegisteredKey } from '../../libs/issuance/src/domain/knowledge/institution-snapshot';
import type { SpecSnapshot } from '../../libs/issuance/src/domain/knowledge/spec-snapshot';

export type GrantedAward = AwardGranted['data'];

export const PROCESS = { actor: { subject: 'issuance-process-manager', role: 'system' }, correlationId: 'bench-signer' };

export interface University {
  institutionId: string;
  name: string;
  did: string;
  countryCode: string;
}

export const UNIVERSITIES: University[] = [
  { institutionId: '0190f5b1-0000-7000-8000-00000000b001', name: 'Universität Nord', did: 'did:web:nord.uni.example', countryCode: 'DE' },
  { institutionId: '0190f5b1-0000-7000-8000-00000000b002', name: 'Universidade do Sul', did: 'did:web:sul.uni.example', countryCode: 'PT' },
  { institutionId: '0190f5b1-0000-7000-8000-00000000b003', name: 'Itä-Yliopisto', did: 'did:web:ita.uni.example', countryCode: 'FI' },
];

/** Registered keys are valid from well before any credential the benchmark drafts. */
export const KEY_VALID_FROM = '2025-01-02T00:00:00.000Z';

export const DEFINITION_ID = 'bench-cosigned-water';

const DEFINITION: SpecSnapshot = {
  specId: DEFINITION_ID,
  version: 1,
  title: 'Water Resources Engineering',
  awardingBodies: UNIVERSITIES.map((u, i) => ({ institutionId: u.institutionId, lead: i === 0 })),
  components: UNIVERSITIES.map((u, i) => ({
    code: `WR${i + 1}`,
    title: `Module ${i + 1} at ${u.name}`,
    institutionId: u.institutionId,
    ects: 2,
  })),
  issuanceRule: { allComponentsPassed: true },
  gradingScheme: { type: 'numeric', minimum: 1, maximum: 20, passMark: 10 },
  definition: {
    title: 'Water Resources Engineering',
    description: 'A micro-credential awarded jointly by three universities.',
    learningOutcomes: [{ description: 'Size a stormwater retention basin' }, { description: 'Evaluate a catchment water balance' }],
    ects: 6,
    eqfLevel: 6,
    assessmentType: 'Project and oral examination',
    formOfParticipation: 'online',
    qualityAssurance: { type: 'Internal quality assurance', body: 'Alliance Quality Board' },
    languages: ['en'],
  },
};

export interface Alliance {
  cryptosuite: CryptosuiteName;
  store: EventStore;
  aggregates: IssuanceAggregates;
  knowledge: KnowledgeReader;
  settings: IssuanceSettings;
  /** The JSON-LD contexts the alliance's credentials name, as issuance and the institutions' signers read them. */
  contexts: DocumentLoader;
  /** Issuance as the process manager runs it on AwardGranted: compose, status slot, draft, then automatic proofs. */
  issuer(collector: CollectAutomaticProofsHandler): IssueCredentialHandler;
  /** Tells issuance about a key the catalogue registered for the university. */
  learnKey(institutionId: string, key: Omit<RegisteredKey, 'validFrom'>): Promise<void>;
  /** Opens `count` award tracks and records a passing result of every component on each: one granted award per learner. */
  grantAwards(count: number, label: string): Promise<GrantedAward[]>;
  /** Fails unless every credential is issued with one proof per awarding body, made by the method expected. */
  expectIssued(credentialIds: string[], method: 'automatic' | 'institution-signer'): Promise<void>;
  close(): Promise<void>;
}

export async function openAlliance(cryptosuite: CryptosuiteName): Promise<Alliance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-signer-store-'));
  const store = await createEventStore({ kind: 'embedded', dataDir });
  const aggregates = new IssuanceAggregates(store);
  const knowledge = new KnowledgeReader(aggregates);
  const settings: IssuanceSettings = { cryptosuite, publicUrl: () => 'https://issuance.alliance.example', clock: () => new Date() };
  const allocator = new StatusSlotAllocator(store);

  await aggregates.knownSpec.handle(DEFINITION.specId, { type: 'LearnSpecVersion', spec: DEFINITION }, PROCESS);
  for (const u of UNIVERSITIES) {
    await aggregates.knownInstitution.handle(
      u.institutionId,
      {
        type: 'LearnInstitution',
        profile: {
          institutionId: u.institutionId,
          name: u.name,
          countryCode: u.countryCode,
          did: u.did,
          registeredAt: '2025-01-01T00:00:00.000Z',
        },
      },
      PROCESS,
    );
  }

  const grantAwards = async (count: number, label: string): Promise<GrantedAward[]> => {
    const granted: GrantedAward[] = [];
    for (let k = 0; k < count; k++) {
      const awardId = `${label}-track-${k}`;
      const inputs = { spec: DEFINITION, nextCredentialId: randomUUID(), standing: {} };
      await aggregates.award.handle(
        awardId,
        {
          type: 'OpenAwardTrack',
          awardId,
          learner: { learnerId: `${label}-learner-${k}`, name: `Learner ${label} ${k}` },
          specId: DEFINITION.specId,
          specVersion: DEFINITION.version,
          ...inputs,
        },
        PROCESS,
      );
      for (const [i, component] of DEFINITION.components.entries()) {
        const result = await aggregates.award.handle(
          awardId,
          {
            type: 'RecordComponentResult',
            awardId,
            result: {
              resultId: `${awardId}-r${i}`,
              componentCode: component.code,
              institutionId: component.institutionId,
              passed: true,
              grade: 12 + i,
              assessedAt: new Date().toISOString(),
            },
            ...inputs,
          },
          PROCESS,
        );
        const grant = result.events.find((e) => e.type === 'AwardGranted');
        if (grant) granted.push(grant.data as GrantedAward);
      }
    }
    if (granted.length !== count) throw new Error(`expected ${count} granted awards, the tracks granted ${granted.length}`);
    return granted;
  };

  const expectIssued = async (credentialIds: string[], method: 'automatic' | 'institution-signer') => {
    for (const id of credentialIds) {
      const state = (await aggregates.credential.load(id)).state;
      if (state?.lifecycle !== 'issued') throw new Error(`credential ${id} is ${state?.lifecycle ?? 'missing'}, not issued`);
      const signedBy = new Set(state.proofs.filter((p) => p.method === method).map((p) => p.institutionId));
      if (state.proofs.length !== UNIVERSITIES.length || UNIVERSITIES.some((u) => !signedBy.has(u.institutionId))) {
        throw new Error(`credential ${id} does not carry one ${method} proof per awarding body`);
      }
    }
  };

  return {
    cryptosuite,
    store,
    aggregates,
    knowledge,
    settings,
    contexts: issuanceDocumentLoader(settings),
    issuer: (collector) => new IssueCredentialHandler(aggregates, knowledge, allocator, settings, collector),
    learnKey: async (institutionId, key) => {
      await aggregates.knownInstitution.handle(
        institutionId,
        { type: 'LearnRegisteredKey', institutionId, key: { ...key, validFrom: KEY_VALID_FROM } },
        PROCESS,
      );
    },
    grantAwards,
    expectIssued,
    close: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Drafts (and, where the platform holds the keys, signs) one credential per granted award, `concurrency` at a time. */
export async function issueAll(
  issuer: IssueCredentialHandler,
  awards: GrantedAward[],
  concurrency: number,
  drafted: (credentialId: string) => void = () => undefined,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < awards.length) {
      const award = awards[next++];
      await issuer.execute(IssueCredentialCommand.create({ award, ...PROCESS }));
      drafted(award.credentialId);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
