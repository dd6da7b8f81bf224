// A three-university joint micro-credential with deterministic keys, shared by the model and co-issuance tests.
import { createHash } from 'node:crypto';
import type { ControllerDocument } from '../did/controller-document';
import { buildDidWebDocument } from '../did/did-web';
import { createVerificationMethodResolver } from '../did/resolver';
import { createDocumentLoader } from '../jsonld/document-loader';
import { keyPairFromSeed, type Ed25519KeyPair } from '../keys/ed25519';
import type { BuildCredentialInput, CredentialDefinitionSnapshot } from '../model/definition-types';

export interface Institution {
  did: string;
  verificationMethod: string;
  keys: Ed25519KeyPair;
}

function institution(host: string): Institution {
  const did = `did:web:${host}`;
  const keys = keyPairFromSeed(new Uint8Array(createHash('sha256').update(host).digest()));
  return { did, verificationMethod: `${did}#key-1`, keys };
}

export const UNI_A = institution('uni-a.example');
export const UNI_B = institution('uni-b.example');
export const UNI_C = institution('uni-c.example');
export const INSTITUTIONS = [UNI_A, UNI_B, UNI_C];

export const didDocuments = new Map<string, ControllerDocument>(
  INSTITUTIONS.map((i) => [
    i.did,
    buildDidWebDocument(i.did, [
      { id: i.verificationMethod, publicKeyMultibase: i.keys.publicKeyMultibase, validFrom: '2024-01-01T00:00:00Z' },
    ]),
  ]),
);

export const resolveVerificationMethod = createVerificationMethodResolver({ resolveDidWeb: (did) => didDocuments.get(did) });

/** Where the fixture's platform serves its contexts, and a loader that resolves them there from the bundled copies. */
export const CONTEXT_BASE_URL = 'https://issuance.alliance.example';
export const platformLoader = createDocumentLoader({ servedAt: [CONTEXT_BASE_URL] });

export function definition(overrides: Partial<CredentialDefinitionSnapshot> = {}): CredentialDefinitionSnapshot {
  return {
    id: 'def-sustainable-energy',
    version: 3,
    title: 'Sustainable Energy Systems',
    description: 'A joint micro-credential on modelling and assessing renewable energy systems.',
    learningOutcomes: [
      {
        text: 'Model the output of a photovoltaic installation',
        escoUri: 'http://data.europa.eu/esco/skill/0a7e5d1b-3e2b-4d6e-8a3c-1f9b2c3d4e5f',
      },
      { text: 'Assess the life-cycle emissions of an energy system' },
    ],
    ectsCredits: 5,
    eqfLevel: 7,
    qfEheaCycle: 'second',
    assessmentType: 'Written examination and project report',
    participationForm: 'blended',
    qualityAssurance: { type: 'Internal quality assurance under ESG Part 1', body: 'Alliance Quality Board' },
    awardingBodies: [
      {
        institutionId: 'a',
        name: 'University A',
        did: UNI_A.did,
        countryCode: 'DE',
        region: 'Bavaria',
        lead: true,
        url: 'https://uni-a.example',
      },
      { institutionId: 'b', name: 'University B', did: UNI_B.did, countryCode: 'PT', lead: false },
      { institutionId: 'c', name: 'University C', did: UNI_C.did, countryCode: 'FI', lead: false },
    ],
    prerequisites: 'A bachelor degree in engineering or natural sciences',
    supervision: 'supervised-online-id-verification',
    gradingScheme: { name: 'ECTS grading scale', resultType: 'LetterGrade', allowedValues: ['A', 'B', 'C', 'D', 'E'] },
    stackability: { mode: 'stackable', stacksInto: ['urn:alliance:definition:msc-energy:v1'] },
    furtherInformation: 'https://alliance.example/credentials/sustainable-energy',
    language: 'en',
    validityMonths: 60,
    ...overrides,
  };
}

export function buildInput(overrides: Partial<BuildCredentialInput> = {}): BuildCredentialInput {
  return {
    credentialId: 'urn:uuid:0a9c1a3e-6f5d-4c1e-9a43-6a4c1d2e3f40',
    definition: definition(),
    learner: { id: 'learner-1', givenName: 'Ada', familyName: 'Lovelace', did: 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2' },
    result: { grade: 'A' },
    issuanceDate: '2025-06-30T10:00:00Z',
    contextBaseUrl: CONTEXT_BASE_URL,
    ...overrides,
  };
}
