import { generateKeyPairSync } from 'node:crypto';
import {
  issueLearningCredential,
  type Jwk,
  LEARNING_CREDENTIAL_TYPE_METADATA,
  localSigner,
  verifyLearningCredential,
} from '@alliance/credentials';
import { jointAward, jointSigners } from '../../domain/__fixtures__/credential.fixture';
import { institutionsFixture, jointSpec, UNI_A, UNI_B } from '../../domain/__fixtures__/specs.fixture';
import type { Credential } from '../../domain/credential/credential.state';
import { learningCredentialFacts } from './learning-credential-facts';

const credential = (document: Record<string, unknown>): Credential => ({
  credentialId: 'cred-1',
  ...jointAward,
  awardingBodies: jointSigners('automatic'),
  document,
  cryptosuite: 'eddsa-rdfc-2022',
  status: { listId: `${UNI_A}-1`, index: 3 },
  awardedAt: '2026-03-01T09:00:00.000Z',
  issuedAt: '2026-03-02T10:00:00.000Z',
  proofs: [],
  refusals: [],
  lifecycle: 'issued',
});
const institutions = [institutionsFixture().get(UNI_A)!, institutionsFixture().get(UNI_B)!];
const sources = (document: Record<string, unknown> = { credentialSubject: { result: { grade: 8 } } }) => ({
  credential: credential(document),
  learner: { learnerId: 'learner-1', name: 'Ada King Lovelace', email: 'ada@example.org' },
  spec: jointSpec,
  institutions,
  iss: 'https://issuance.test/institutions/uni-a',
});
const jwk = (kind: 'ed25519' | 'ec') => {
  const { privateKey, publicKey } = kind === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  return { privateJwk: privateKey.export({ format: 'jwk' }) as Jwk, publicJwk: publicKey.export({ format: 'jwk' }) as Jwk };
};

describe("an issued credential as the EUDI Learning Credential's facts", () => {
  it('names the awarding bodies, the lead country, the learner, the achievement and its Annex I elements', () => {
    expect(learningCredentialFacts(sources())).toEqual({
      iss: 'https://issuance.test/institutions/uni-a',
      issuingAuthority: ['Aarhus Technical University', 'Universidad de Bruselas'],
      issuingCountry: 'DK',
      dateOfIssuance: '2026-03-02',
      familyName: 'Lovelace',
      givenName: 'Ada King',
      learnerIdentification: 'learner-1',
      achievementTitle: 'Sustainable Energy Systems',
      achievementDescription: 'A joint micro-credential on energy markets and grid integration.',
      learningOutcomes: ['Explain how wholesale electricity markets clear', 'Assess grid integration of variable renewables'],
      assessmentGrade: '8',
      languageOfClasses: ['en'],
      expectedStudyTime: '6 ECTS credits',
      levelOfLearningExperience: 7,
      typesOfQualityAssurance: ['Internal quality assurance of the awarding universities'],
      prerequisitesToEnroll: ['A bachelor degree in engineering'],
      integrationStackabilityOptions: true,
    });
  });

  it('carries an expiry only when the credential has one, and no grade when none was given', () => {
    const facts = learningCredentialFacts(sources({ validUntil: '2031-03-02T10:00:00.000Z', credentialSubject: {} }));
    expect(facts.dateOfExpiry).toBe('2031-03-02');
    expect(facts.assessmentGrade).toBeUndefined();
  });

  it('issues a Learning Credential the SD-JWT VC library verifies, with every mandatory claim of the type metadata', async () => {
    const issuer = jwk('ed25519');
    const holder = jwk('ec');
    const token = await issueLearningCredential({
      facts: learningCredentialFacts(sources()),
      holderJwk: holder.publicJwk,
      signer: localSigner(issuer.privateJwk, 'did:web:a.example#key-1'),
      now: new Date('2026-03-03T00:00:00.000Z'),
    });
    const { claims } = await verifyLearningCredential(token, { issuerJwk: issuer.publicJwk, now: new Date('2026-03-04T00:00:00.000Z') });
    const mandatory = (LEARNING_CREDENTIAL_TYPE_METADATA.claims ?? []).filter((c) => c.mandatory).map((c) => c.path[0] as string);
    for (const name of mandatory) expect(claims).toHaveProperty([name]);
    expect(claims).toMatchObject({ family_name: 'Lovelace', issuing_country: 'DK', level_of_learning_experience: 7 });
  });
});
