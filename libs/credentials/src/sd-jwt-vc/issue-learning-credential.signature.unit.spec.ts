import { digest } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { joseVerifier } from './__tests__/jose-verifier';
import { fullFacts, keyPair, readSdJwt } from './__tests__/learning-credential.fixture';
import { issueLearningCredential } from './issue-learning-credential';
import { localSigner } from './jws-signer';
import { buildLearningCredentialClaims, LEARNING_CREDENTIAL_VCT } from './learning-credential.claims';

const NOW = new Date('2026-12-01T09:00:00Z');
const CURRENT = Date.parse('2026-12-02T00:00:00Z') / 1000;
const holder = keyPair('ES256');

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
