import { keyPair, minimalFacts } from './__tests__/learning-credential.fixture';
import { buildLearningCredentialClaims, type LearningCredentialEnvelope } from './learning-credential.claims';
import type { LearningCredentialFacts } from './learning-credential.facts';

const holder = keyPair('ES256');
const envelope = (over: Partial<LearningCredentialEnvelope> = {}): LearningCredentialEnvelope => ({
  holderJwk: holder.publicJwk,
  now: new Date('2026-12-01T10:15:30Z'),
  jti: 'c1d2',
  ...over,
});

describe('bad facts are refused with a TypeError naming the field', () => {
  const cases: [string, Partial<Record<keyof LearningCredentialFacts, unknown>>][] = [
    ['levelOfLearningExperience', { levelOfLearningExperience: 9 }],
    ['levelOfLearningExperience', { levelOfLearningExperience: 0 }],
    ['levelOfLearningExperience', { levelOfLearningExperience: 6.5 }],
    ['levelOfLearningExperience', { levelOfLearningExperience: '6' }],
    ['issuingCountry', { issuingCountry: 'es' }],
    ['issuingCountry', { issuingCountry: 'ESP' }],
    ['familyName', { familyName: '' }],
    ['familyName', { familyName: '   ' }],
    ['givenName', { givenName: '' }],
    ['learnerIdentification', { learnerIdentification: undefined }],
    ['achievementTitle', { achievementTitle: '' }],
    ['dateOfIssuance', { dateOfIssuance: '2026-02-30' }],
    ['dateOfIssuance', { dateOfIssuance: '20/11/2026' }],
    ['dateOfIssuance', { dateOfIssuance: new Date('not a date') }],
    ['dateOfExpiry', { dateOfExpiry: '2026-13-01' }],
    ['dateOfExpiry', { dateOfExpiry: '2026-11-19' }],
    ['dateOfExpiry', { dateOfIssuance: '2026-11-01', dateOfExpiry: '2026-11-30' }],
    ['iss', { iss: 'http://issuer.alliance.example' }],
    ['iss', { iss: 'https://issuer.alliance.example/?tenant=a' }],
    ['iss', { iss: 'not a url' }],
    ['issuingAuthority', { issuingAuthority: [] }],
    ['issuingAuthority', { issuingAuthority: '' }],
    ['languageOfClasses', { languageOfClasses: [] }],
    ['languageOfClasses[1]', { languageOfClasses: ['en', ''] }],
    ['expectedStudyTime', { expectedStudyTime: '' }],
    ['typesOfQualityAssurance', { typesOfQualityAssurance: [] }],
    ['learningOutcomes', { learningOutcomes: 'one outcome' }],
    ['prerequisitesToEnroll[0]', { prerequisitesToEnroll: [42] }],
    ['integrationStackabilityOptions', { integrationStackabilityOptions: 'yes' }],
  ];

  it.each(cases)('%s: %j', (field, change) => {
    const facts = { ...minimalFacts(), ...change } as LearningCredentialFacts;
    const build = () => buildLearningCredentialClaims(facts, envelope());
    expect(build).toThrow(TypeError);
    expect(build).toThrow(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')} `));
  });

  it('refuses a holder JWK carrying the private member d', () => {
    const build = () => buildLearningCredentialClaims(minimalFacts(), envelope({ holderJwk: holder.privateJwk }));
    expect(build).toThrow(TypeError);
    expect(build).toThrow(/^holderJwk must be a public JWK.* d/);
  });

  it('refuses a holder JWK that is not a usable public key', () => {
    const broken = { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' };
    expect(() => buildLearningCredentialClaims(minimalFacts(), envelope({ holderJwk: broken }))).toThrow(
      /^holderJwk is not a usable public key/,
    );
  });

  it('refuses a status reference with a negative index', () => {
    const status = { status_list: { idx: -1, uri: 'https://issuer.alliance.example/status/1' } };
    expect(() => buildLearningCredentialClaims(minimalFacts(), envelope({ status }))).toThrow(/^status\.status_list\.idx/);
  });
});
