import { createHash } from 'node:crypto';
import { readVectorJson } from '../__tests__/vectors';
import { fullFacts, issueWithKeys, keyPair, minimalFacts, readSdJwt } from './__tests__/learning-credential.fixture';
import { issueLearningCredential } from './issue-learning-credential';
import { LEARNING_CREDENTIAL_VCT } from './learning-credential.claims';
import type { TypeMetadata } from './type-metadata';

const NOW = new Date('2026-12-01T09:00:00Z');
const holder = keyPair('ES256');

const NEVER_SD = ['iss', 'jti', 'iat', 'exp', 'vct', 'cnf', 'issuing_authority', 'issuing_country', 'date_of_issuance'];
const NEVER_SD_OPTIONAL = ['date_of_expiry', 'achievement_title', 'achievement_description', 'language_of_classes'];
// The always-SD claims as the EUDI reference type metadata lists them (top-level paths with `sd: "always"`).
const ALWAYS_SD = (readVectorJson<TypeMetadata>('eudi-learning-credential', 'learning_credential.type-metadata.json').claims ?? [])
  .filter((claim) => claim.sd === 'always' && claim.path.length === 1)
  .map((claim) => claim.path[0] as string);

describe('selective disclosure layout', () => {
  const issuer = keyPair('ES256', 'k1');
  const issueFull = () => issueWithKeys(issuer, holder, { facts: fullFacts(), now: NOW });

  it('keeps the never-SD claims plain in the issuer JWT payload', async () => {
    const { payload } = readSdJwt(await issueFull());
    for (const claim of [...NEVER_SD, ...NEVER_SD_OPTIONAL]) expect(payload).toHaveProperty(claim);
    expect(payload.language_of_classes).toEqual(['en', 'es']);
    expect(payload.vct).toBe(LEARNING_CREDENTIAL_VCT);
    expect(payload._sd_alg).toBe('sha-256');
  });

  it('keeps the always-SD claims out of the payload and only in disclosures', async () => {
    const { payload, disclosures } = readSdJwt(await issueFull());
    expect(ALWAYS_SD).toHaveLength(10);
    for (const claim of ALWAYS_SD) expect(payload).not.toHaveProperty(claim);
    expect(disclosures.map((d) => d[1]).sort()).toEqual([...ALWAYS_SD].sort());
    expect(disclosures.every((d) => d.length === 3 && typeof d[0] === 'string')).toBe(true);
  });

  it('discloses each list once, as the whole array with plain elements', async () => {
    const { payload, disclosures } = readSdJwt(await issueFull());
    const value = (name: string) => disclosures.filter((d) => d[1] === name).map((d) => d[2]);
    expect(value('learning_outcomes')).toEqual([fullFacts().learningOutcomes]);
    expect(value('types_of_quality_assurance')).toEqual([fullFacts().typesOfQualityAssurance]);
    expect(value('prerequisites_to_enroll')).toEqual([fullFacts().prerequisitesToEnroll]);
    expect(JSON.stringify(payload)).not.toContain('"..."');
  });

  it('commits to every disclosure by its sha-256 digest in _sd', async () => {
    const token = await issueFull();
    const encoded = token.split('~').slice(1, -1);
    const digests = encoded.map((d) => createHash('sha256').update(d).digest('base64url'));
    expect([...(readSdJwt(token).payload._sd as string[])].sort()).toEqual(digests.sort());
  });

  it('binds the holder public key as cnf.jwk', async () => {
    expect(readSdJwt(await issueFull()).payload.cnf).toEqual({ jwk: holder.publicJwk });
  });

  it('writes only the disclosures of the claims present in minimal facts', async () => {
    const token = await issueWithKeys(issuer, holder, { facts: minimalFacts(), now: NOW });
    expect(
      readSdJwt(token)
        .disclosures.map((d) => d[1])
        .sort(),
    ).toEqual(
      ['expected_study_time', 'family_name', 'learner_identification', 'level_of_learning_experience', 'types_of_quality_assurance'].sort(),
    );
  });

  it('carries the status list reference plainly', async () => {
    const status = { status_list: { idx: 7, uri: 'https://issuer.alliance.example/status/3' } };
    const token = await issueWithKeys(issuer, holder, { facts: minimalFacts(), status, now: NOW });
    expect(readSdJwt(token).payload.status).toEqual(status);
  });

  it('defaults iat to now and jti to a fresh UUID', async () => {
    const before = Math.floor(Date.now() / 1000);
    const issueNow = () => issueWithKeys(issuer, holder, { facts: minimalFacts() });
    const [a, b] = [readSdJwt(await issueNow()).payload, readSdJwt(await issueNow()).payload];
    expect(a.iat).toBeGreaterThanOrEqual(before);
    expect(a.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.jti).not.toBe(b.jti);
  });

  it('refuses a holder JWK with the private member d before signing', async () => {
    const sign = jest.fn(async () => 'sig');
    const issuing = issueLearningCredential({ facts: minimalFacts(), holderJwk: holder.privateJwk, signer: { alg: 'ES256', sign } });
    await expect(issuing).rejects.toThrow(TypeError);
    expect(sign).not.toHaveBeenCalled();
  });
});
