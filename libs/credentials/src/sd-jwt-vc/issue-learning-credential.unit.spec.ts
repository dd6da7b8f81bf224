import { createHash } from 'node:crypto';
import { digest } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { joseVerifier } from './__tests__/jose-verifier';
import { fullFacts, keyPair, minimalFacts, readSdJwt } from './__tests__/learning-credential.fixture';
import { issueLearningCredential } from './issue-learning-credential';
import { localSigner } from './jws-signer';
import { buildLearningCredentialClaims, LEARNING_CREDENTIAL_VCT } from './learning-credential.claims';

const NOW = new Date('2026-12-01T09:00:00Z');
const CURRENT = Date.parse('2026-12-02T00:00:00Z') / 1000;
const holder = keyPair('ES256');

const NEVER_SD = ['iss', 'jti', 'iat', 'exp', 'vct', 'cnf', 'issuing_authority', 'issuing_country', 'date_of_issuance'];
const NEVER_SD_OPTIONAL = ['date_of_expiry', 'achievement_title', 'achievement_description', 'language_of_classes'];
const ALWAYS_SD_SCALARS = [
  'family_name',
  'given_name',
  'assessment_grade',
  'learner_identification',
  'expected_study_time',
  'level_of_learning_experience',
  'integration_stackability_options',
];
const ALWAYS_SD_ARRAYS = ['learning_outcomes', 'types_of_quality_assurance', 'prerequisites_to_enroll'];

describe.each(['ES256', 'EdDSA'] as const)('issueLearningCredential with an %s key', (alg) => {
  const issuer = keyPair(alg, `${alg.toLowerCase()}-key-1`);
  const verifierOf = (jwk = issuer.publicJwk) => new SDJwtVcInstance({ hasher: digest, verifier: joseVerifier(jwk, alg) });
  const issue = () =>
    issueLearningCredential({
      facts: fullFacts(),
      holderJwk: holder.publicJwk,
      signer: localSigner(issuer.privateJwk),
      now: NOW,
      jti: 'j-1',
    });

  it('produces a compact SD-JWT VC whose header names typ dc+sd-jwt, the alg and the kid', async () => {
    const token = await issue();
    expect(token.endsWith('~')).toBe(true);
    expect(readSdJwt(token).header).toEqual({ typ: 'dc+sd-jwt', alg, kid: `${alg.toLowerCase()}-key-1` });
    expect(readSdJwt(token).keyBindingJwt).toBe('');
  });

  it('verifies with @sd-jwt/sd-jwt-vc and restores every claim the builder produced', async () => {
    const token = await issue();
    const { payload } = await verifierOf().verify(token, { currentDate: CURRENT, expectedVct: LEARNING_CREDENTIAL_VCT });
    const expected = buildLearningCredentialClaims(fullFacts(), { holderJwk: holder.publicJwk, now: NOW, jti: 'j-1' });
    expect(payload).toEqual(expect.objectContaining(expected));
  });

  it('refuses a tampered signature', async () => {
    const token = await issue();
    const [jwt, ...rest] = token.split('~');
    const [h, p, s] = jwt.split('.');
    const bytes = Buffer.from(s, 'base64url');
    bytes[5] ^= 0x01;
    const forged = [[h, p, bytes.toString('base64url')].join('.'), ...rest].join('~');
    await expect(verifierOf().verify(forged, { currentDate: CURRENT })).rejects.toThrow(/signature/i);
  });

  it('refuses a tampered payload', async () => {
    const token = await issue();
    const [jwt, ...rest] = token.split('~');
    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    payload.achievement_title = 'Doctorate in Everything';
    const forged = [[h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.'), ...rest].join('~');
    await expect(verifierOf().verify(forged, { currentDate: CURRENT })).rejects.toThrow(/signature/i);
  });

  it('refuses a disclosure the issuer did not sign', async () => {
    const token = await issue();
    const parts = token.split('~');
    const decode = (d: string): unknown[] => JSON.parse(Buffer.from(d, 'base64url').toString('utf8'));
    const grade = parts.findIndex((d, i) => i > 0 && d !== '' && decode(d)[1] === 'assessment_grade');
    const [salt] = decode(parts[grade]);
    parts[grade] = Buffer.from(JSON.stringify([salt, 'assessment_grade', 'A+'])).toString('base64url');
    await expect(verifierOf().verify(parts.join('~'), { currentDate: CURRENT })).rejects.toThrow(/digest|disclosure/i);
  });

  it('refuses verification with another issuer key', async () => {
    const token = await issue();
    await expect(verifierOf(keyPair(alg).publicJwk).verify(token, { currentDate: CURRENT })).rejects.toThrow(/signature/i);
  });
});

describe('selective disclosure layout', () => {
  const issuer = keyPair('ES256', 'k1');
  const issueFull = () =>
    issueLearningCredential({ facts: fullFacts(), holderJwk: holder.publicJwk, signer: localSigner(issuer.privateJwk), now: NOW });

  it('keeps the never-SD claims plain in the issuer JWT payload', async () => {
    const { payload } = readSdJwt(await issueFull());
    for (const claim of [...NEVER_SD, ...NEVER_SD_OPTIONAL]) expect(payload).toHaveProperty(claim);
    expect(payload.language_of_classes).toEqual(['en', 'es']);
    expect(payload.vct).toBe(LEARNING_CREDENTIAL_VCT);
    expect(payload._sd_alg).toBe('sha-256');
  });

  it('keeps the always-SD claims out of the payload and only in disclosures', async () => {
    const { payload, disclosures } = readSdJwt(await issueFull());
    for (const claim of [...ALWAYS_SD_SCALARS, ...ALWAYS_SD_ARRAYS]) expect(payload).not.toHaveProperty(claim);
    expect(disclosures.map((d) => d[1]).sort()).toEqual([...ALWAYS_SD_SCALARS, ...ALWAYS_SD_ARRAYS].sort());
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
    const token = await issueLearningCredential({
      facts: minimalFacts(),
      holderJwk: holder.publicJwk,
      signer: localSigner(issuer.privateJwk),
      now: NOW,
    });
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
    const token = await issueLearningCredential({
      facts: minimalFacts(),
      holderJwk: holder.publicJwk,
      signer: localSigner(issuer.privateJwk),
      status,
      now: NOW,
    });
    expect(readSdJwt(token).payload.status).toEqual(status);
  });

  it('defaults iat to now and jti to a fresh UUID', async () => {
    const before = Math.floor(Date.now() / 1000);
    const issueNow = () =>
      issueLearningCredential({ facts: minimalFacts(), holderJwk: holder.publicJwk, signer: localSigner(issuer.privateJwk) });
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

describe('JwsSigner abstraction', () => {
  it('hands a remote signer exactly the JWS signing input and uses its signature', async () => {
    const issuer = keyPair('EdDSA');
    const local = localSigner(issuer.privateJwk);
    const inputs: string[] = [];
    const remote = { alg: 'EdDSA' as const, kid: 'vault:issuer/3', sign: async (data: string) => (inputs.push(data), local.sign(data)) };
    const token = await issueLearningCredential({ facts: minimalFacts(), holderJwk: holder.publicJwk, signer: remote, now: NOW });
    const [h, p] = token.split('~')[0].split('.');
    expect(inputs).toEqual([`${h}.${p}`]);
    expect(readSdJwt(token).header.kid).toBe('vault:issuer/3');
    expect(await joseVerifier(issuer.publicJwk, 'EdDSA')(`${h}.${p}`, token.split('~')[0].split('.')[2])).toBe(true);
  });

  it('omits kid from the header when the signer has none', async () => {
    const token = await issueLearningCredential({
      facts: minimalFacts(),
      holderJwk: holder.publicJwk,
      signer: localSigner(keyPair('ES256').privateJwk),
      now: NOW,
    });
    expect(readSdJwt(token).header).toEqual({ typ: 'dc+sd-jwt', alg: 'ES256' });
  });

  it('localSigner refuses a public JWK and a key neither ES256 nor EdDSA uses', () => {
    expect(() => localSigner(keyPair('ES256').publicJwk)).toThrow(/privateJwk must be a private JWK/);
    const p384 = { kty: 'EC', crv: 'P-384', x: 'x', y: 'y', d: 'd' };
    expect(() => localSigner(p384)).toThrow(/unsupported JWK/);
  });
});
