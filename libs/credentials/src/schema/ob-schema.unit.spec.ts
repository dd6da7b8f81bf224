import { readVectorJson } from '../__tests__/vectors';
import type { JsonObject } from '../data-integrity/types';
import { validateAchievementCredentialSchema } from './ob-schema';

const OB = (f: string) => readVectorJson('openbadges', 'ob3-eddsa-rdfc-2022-vector', f);
const wrapProof = (doc: JsonObject): JsonObject => ({ ...doc, proof: [doc.proof] });

describe('OB 3.0 AchievementCredential JSON schema (bundled copy)', () => {
  it('accepts the unsigned OB vector', () => {
    expect(validateAchievementCredentialSchema(OB('unsigned.json'))).toEqual({ valid: true, errors: [] });
  });

  it('rejects a single-object proof and accepts the same proof wrapped in a list', () => {
    const signed = OB('signed.json');
    const r = validateAchievementCredentialSchema(signed);
    expect(r.valid).toBe(false);
    expect(r.errors.some((e) => e.path === '/proof')).toBe(true);
    expect(validateAchievementCredentialSchema(wrapProof(signed)).valid).toBe(true);
  });

  it('treats the 1EdTech revoked-status credential the same way', () => {
    const credential = readVectorJson('status-list', '1edtech_ob3-credential-status-revoked-index-23.json');
    expect(validateAchievementCredentialSchema(credential).valid).toBe(false);
    expect(validateAchievementCredentialSchema(wrapProof(credential)).valid).toBe(true);
  });

  it('enforces the @context, type, required properties and a single credentialStatus', () => {
    const base = OB('unsigned.json');
    const invalid = (doc: JsonObject) => validateAchievementCredentialSchema(doc).valid;
    expect(invalid({ ...base, '@context': ['https://www.w3.org/ns/credentials/v2', 'https://example.org/other'] })).toBe(false);
    expect(
      invalid({
        ...base,
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      }),
    ).toBe(true);
    expect(invalid({ ...base, type: ['VerifiableCredential'] })).toBe(false);
    for (const required of ['@context', 'id', 'type', 'credentialSubject', 'issuer', 'validFrom']) {
      const copy: JsonObject = { ...base };
      delete copy[required];
      expect(invalid(copy)).toBe(false);
    }
    const entry = {
      id: 'https://s.example/1#5',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '5',
      statusListCredential: 'https://s.example/1',
    };
    expect(invalid({ ...base, credentialStatus: entry })).toBe(true);
    expect(invalid({ ...base, credentialStatus: [entry, { ...entry, statusPurpose: 'suspension' }] })).toBe(false);
    const achievement = (base.credentialSubject as JsonObject).achievement as JsonObject;
    const { criteria: _c, ...noCriteria } = achievement;
    expect(invalid({ ...base, credentialSubject: { ...(base.credentialSubject as JsonObject), achievement: noCriteria } })).toBe(false);
    expect(
      invalid({
        ...base,
        credentialSubject: {
          ...(base.credentialSubject as JsonObject),
          achievement: { ...achievement, achievementType: 'MicroCredential' },
        },
      }),
    ).toBe(true);
    const { type: _t, ...subjectWithoutType } = base.credentialSubject as JsonObject;
    expect(invalid({ ...base, credentialSubject: subjectWithoutType })).toBe(false);
    const { achievement: _a, ...subjectWithoutAchievement } = base.credentialSubject as JsonObject;
    expect(invalid({ ...base, credentialSubject: subjectWithoutAchievement })).toBe(false);
    const { id: _id, ...issuerWithoutId } = base.issuer as JsonObject;
    expect(invalid({ ...base, issuer: issuerWithoutId })).toBe(false);
    const { type: _pt, ...issuerWithoutType } = base.issuer as JsonObject;
    expect(invalid({ ...base, issuer: issuerWithoutType })).toBe(false);
  });
});
