/**
 * The credential every credentials benchmark signs: an unsigned Open Badges 3.0 AchievementCredential
 * (VC 2.0) co-issued by three universities with did:web identifiers, and their DID documents, held in memory.
 */
import {
  buildAchievementCredential,
  buildDidWebDocument,
  type ControllerDocument,
  createDocumentLoader,
  createVerificationMethodResolver,
  generateEd25519KeyPair,
  type JsonObject,
} from '../src/index';

export const institutions = ['uni-a.example', 'uni-b.example', 'uni-c.example'].map((host, i) => ({
  did: `did:web:${host}`,
  verificationMethod: `did:web:${host}#key-1`,
  name: `University ${'ABC'[i]}`,
  country: ['DE', 'PT', 'FI'][i],
  keys: generateEd25519KeyPair(),
}));

/** The DID documents of the institutions, by DID: what a did:web resolver would fetch, served from memory. */
export const didDocuments: ReadonlyMap<string, ControllerDocument> = new Map(
  institutions.map((i) => [
    i.did,
    buildDidWebDocument(i.did, [{ id: i.verificationMethod, publicKeyMultibase: i.keys.publicKeyMultibase }]),
  ]),
);

export const resolveVerificationMethod = createVerificationMethodResolver({ resolveDidWeb: (did) => didDocuments.get(did) });

/** Where the benchmark's platform would serve its contexts; the loader resolves them there from the bundled copies. */
export const BENCH_CONTEXT_BASE_URL = 'https://issuance.alliance.example';
export const benchLoader = createDocumentLoader({ servedAt: [BENCH_CONTEXT_BASE_URL] });

/** The n-th unsigned credential; the lead institution (the first) is its `issuer`. */
export function benchCredential(n: number): JsonObject {
  return buildAchievementCredential({
    credentialId: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    issuanceDate: '2025-06-30T10:00:00Z',
    contextBaseUrl: BENCH_CONTEXT_BASE_URL,
    learner: { id: `l-${n}`, givenName: 'Ada', familyName: `Learner ${n}` },
    result: { grade: 'B' },
    definition: {
      id: 'bench-definition',
      version: 1,
      title: 'Sustainable Energy Systems',
      description: 'Joint micro-credential used to measure signing and verification.',
      learningOutcomes: [
        { text: 'Model a photovoltaic installation', escoUri: 'http://data.europa.eu/esco/skill/0a7e5d1b-3e2b-4d6e-8a3c-1f9b2c3d4e5f' },
        { text: 'Assess life-cycle emissions' },
      ],
      ectsCredits: 5,
      eqfLevel: 7,
      assessmentType: 'Written examination',
      participationForm: 'blended',
      qualityAssurance: { type: 'Internal quality assurance', body: 'Alliance Quality Board' },
      awardingBodies: institutions.map((i, k) => ({
        institutionId: String(k),
        name: i.name,
        did: i.did,
        countryCode: i.country,
        lead: k === 0,
      })),
      language: 'en',
    },
  });
}
