import { fullFacts, keyPair, minimalFacts } from './__tests__/learning-credential.fixture';
import {
  buildLearningCredentialClaims,
  LEARNING_CREDENTIAL_DISCLOSURE_FRAME,
  LEARNING_CREDENTIAL_VCT,
  type LearningCredentialEnvelope,
} from './learning-credential.claims';

const holder = keyPair('ES256');
const NOW = new Date('2026-12-01T10:15:30.750Z');
const IAT = Date.UTC(2026, 11, 1, 10, 15, 30) / 1000;
const envelope = (over: Partial<LearningCredentialEnvelope> = {}): LearningCredentialEnvelope => ({
  holderJwk: holder.publicJwk,
  now: NOW,
  jti: 'c1d2',
  ...over,
});

describe('buildLearningCredentialClaims encodings', () => {
  it('writes the EUDI claim names and encodings from full facts', () => {
    const claims = buildLearningCredentialClaims(fullFacts(), envelope());
    // Claims that carry a fact as it is expect a fresh copy of the fixture's value; the encoded ones are spelt out.
    const facts = fullFacts();
    expect(claims).toEqual({
      iss: facts.iss,
      jti: 'c1d2',
      iat: IAT,
      exp: IAT + 30 * 86_400,
      vct: LEARNING_CREDENTIAL_VCT,
      cnf: { jwk: holder.publicJwk },
      issuing_authority: 'Universidad de Ejemplo, Université Exemple',
      issuing_country: facts.issuingCountry,
      date_of_issuance: '2026-11-20',
      date_of_expiry: '2031-11-19',
      family_name: facts.familyName,
      given_name: facts.givenName,
      achievement_title: facts.achievementTitle,
      achievement_description: facts.achievementDescription,
      learning_outcomes: facts.learningOutcomes,
      assessment_grade: facts.assessmentGrade,
      language_of_classes: facts.languageOfClasses,
      learner_identification: facts.learnerIdentification,
      expected_study_time: facts.expectedStudyTime,
      level_of_learning_experience: facts.levelOfLearningExperience,
      types_of_quality_assurance: facts.typesOfQualityAssurance,
      prerequisites_to_enroll: facts.prerequisitesToEnroll,
      integration_stackability_options: facts.integrationStackabilityOptions,
    });
  });

  it('leaves absent optional claims out instead of writing undefined, and never invents date_of_expiry', () => {
    const claims = buildLearningCredentialClaims(minimalFacts(), envelope());
    for (const absent of ['date_of_expiry', 'given_name', 'achievement_description', 'learning_outcomes', 'assessment_grade']) {
      expect(Object.keys(claims)).not.toContain(absent);
    }
    expect(Object.keys(claims)).not.toContain('prerequisites_to_enroll');
    expect(Object.keys(claims)).not.toContain('integration_stackability_options');
    expect(Object.keys(claims)).not.toContain('status');
  });

  it('keeps integration_stackability_options false (a boolean, not an absence)', () => {
    const claims = buildLearningCredentialClaims({ ...minimalFacts(), integrationStackabilityOptions: false }, envelope());
    expect(claims.integration_stackability_options).toBe(false);
  });

  it('formats Date inputs as their UTC calendar day', () => {
    const facts = { ...minimalFacts(), dateOfIssuance: new Date('2026-11-20T23:30:00-02:00') };
    expect(buildLearningCredentialClaims(facts, envelope()).date_of_issuance).toBe('2026-11-21');
  });

  it('drops empty optional lists rather than disclosing an empty array', () => {
    const claims = buildLearningCredentialClaims({ ...minimalFacts(), learningOutcomes: [], prerequisitesToEnroll: [] }, envelope());
    expect(claims).not.toHaveProperty('learning_outcomes');
    expect(claims).not.toHaveProperty('prerequisites_to_enroll');
  });

  it('carries a Token Status List reference', () => {
    const status = { status_list: { idx: 412, uri: 'https://issuer.alliance.example/status/1' } };
    expect(buildLearningCredentialClaims(minimalFacts(), envelope({ status })).status).toEqual(status);
  });
});

describe('exp rule: min(iat + 30 days, end of date_of_expiry)', () => {
  it('is iat + 30 days when the achievement does not expire', () => {
    expect(buildLearningCredentialClaims(minimalFacts(), envelope()).exp).toBe(IAT + 2_592_000);
  });

  it('is iat + 30 days when the achievement expires later', () => {
    const facts = { ...minimalFacts(), dateOfExpiry: '2027-01-01' };
    expect(buildLearningCredentialClaims(facts, envelope()).exp).toBe(IAT + 2_592_000);
  });

  it('is the first instant after the expiry day when that comes sooner', () => {
    const facts = { ...minimalFacts(), dateOfExpiry: '2026-12-10' };
    expect(buildLearningCredentialClaims(facts, envelope()).exp).toBe(Date.UTC(2026, 11, 11) / 1000);
  });

  it('is the end of today when the achievement expires today', () => {
    const facts = { ...minimalFacts(), dateOfExpiry: '2026-12-01' };
    const claims = buildLearningCredentialClaims(facts, envelope());
    expect(claims.exp).toBe(Date.UTC(2026, 11, 2) / 1000);
    expect(claims.exp).toBeGreaterThan(claims.iat);
  });
});

describe('disclosure frame', () => {
  it('lists exactly the always-SD claims, arrays as whole claims and no element indexes', () => {
    expect([...LEARNING_CREDENTIAL_DISCLOSURE_FRAME._sd].sort()).toEqual(
      [
        'assessment_grade',
        'expected_study_time',
        'family_name',
        'given_name',
        'integration_stackability_options',
        'learner_identification',
        'learning_outcomes',
        'level_of_learning_experience',
        'prerequisites_to_enroll',
        'types_of_quality_assurance',
      ].sort(),
    );
    expect(Object.keys(LEARNING_CREDENTIAL_DISCLOSURE_FRAME)).toEqual(['_sd']);
    expect(Object.isFrozen(LEARNING_CREDENTIAL_DISCLOSURE_FRAME)).toBe(true);
    expect(Object.isFrozen(LEARNING_CREDENTIAL_DISCLOSURE_FRAME._sd)).toBe(true);
  });
});
