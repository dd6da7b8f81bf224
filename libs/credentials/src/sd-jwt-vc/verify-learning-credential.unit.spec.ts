import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { presentWithKeyBinding } from './__tests__/holder';
import { fullFacts, issueWithKeys, keyPair, minimalFacts } from './__tests__/learning-credential.fixture';
import { localSigner } from './jws-signer';
import { buildLearningCredentialClaims } from './learning-credential.claims';
import { verifyLearningCredential } from './verify-learning-credential';

const NOW = new Date('2026-12-01T09:00:00Z');
const LATER = new Date('2026-12-01T09:05:00Z');
const issuer = keyPair('ES256', 'issuer-1');
const holder = keyPair('EdDSA');
const verifierNonce = 'n-0S6_WzA2Mj';
const audience = 'https://verifier.example/presentations';
const kb = { nonce: verifierNonce, aud: audience, iat: Math.floor(LATER.getTime() / 1000) };

const issue = (facts = fullFacts()) => issueWithKeys(issuer, holder, { facts, now: NOW });

describe('verifyLearningCredential without key binding', () => {
  it('returns every claim of a credential verified with the issuer key', async () => {
    const result = await verifyLearningCredential(await issue(), { issuerJwk: issuer.publicJwk, now: LATER });
    const built = buildLearningCredentialClaims(fullFacts(), { holderJwk: holder.publicJwk, now: NOW, jti: 'x' });
    expect(result.claims).toEqual(expect.objectContaining({ ...built, jti: expect.any(String) }));
    expect(result.header).toEqual({ typ: 'dc+sd-jwt', alg: 'ES256', kid: 'issuer-1' });
    expect(result.keyBinding).toBeUndefined();
  });

  it('refuses another issuer key, including one of another algorithm', async () => {
    const token = await issue();
    await expect(verifyLearningCredential(token, { issuerJwk: keyPair('ES256').publicJwk, now: LATER })).rejects.toThrow(/signature/i);
    await expect(verifyLearningCredential(token, { issuerJwk: keyPair('EdDSA').publicJwk, now: LATER })).rejects.toThrow(/alg/i);
  });

  it('refuses an expired credential (now past exp = iat + 30 days)', async () => {
    const afterExp = new Date(NOW.getTime() + 30 * 86_400_000 + 1000);
    await expect(verifyLearningCredential(await issue(), { issuerJwk: issuer.publicJwk, now: afterExp })).rejects.toThrow(/expired/i);
  });

  it('refuses a token of another vct or another typ signed by the same key', async () => {
    const signer = localSigner(issuer.privateJwk);
    const lib = new SDJwtVcInstance({ hasher: digest, saltGenerator: generateSalt, signer: (d) => signer.sign(d), signAlg: 'ES256' });
    const iat = Math.floor(NOW.getTime() / 1000);
    const otherVct = await lib.issue({ vct: 'urn:example:other:1', iss: 'https://issuer.alliance.example', iat });
    await expect(verifyLearningCredential(otherVct, { issuerJwk: issuer.publicJwk, now: LATER })).rejects.toThrow(/vct/i);
    const claims = buildLearningCredentialClaims(minimalFacts(), { holderJwk: holder.publicJwk, now: NOW, jti: 'j' });
    const oldTyp = await lib.issue(claims, undefined, { header: { typ: 'vc+sd-jwt' } });
    await expect(verifyLearningCredential(oldTyp, { issuerJwk: issuer.publicJwk, now: LATER })).rejects.toThrow(/typ must be dc\+sd-jwt/);
  });

  it('reports that the status was not checked when no status list fetcher is given', async () => {
    const status = { status_list: { idx: 3, uri: 'https://issuer.alliance.example/status/1' } };
    const token = await issueWithKeys(issuer, holder, { facts: minimalFacts(), status, now: NOW });
    const result = await verifyLearningCredential(token, { issuerJwk: issuer.publicJwk, now: LATER });
    expect(result).not.toHaveProperty('status');
    expect(result.claims.status).toEqual(status);
  });
});

describe('verifyLearningCredential of a holder presentation with a key-binding JWT', () => {
  const options = { issuerJwk: issuer.publicJwk, now: LATER, keyBinding: { nonce: verifierNonce, audience } };

  it('verifies with the right nonce and audience and returns only the disclosed claims', async () => {
    const presentation = await presentWithKeyBinding(await issue(), holder.privateJwk, { family_name: true, learning_outcomes: true }, kb);
    const result = await verifyLearningCredential(presentation, options);
    expect(result.claims.family_name).toBe('García López');
    expect(result.claims.learning_outcomes).toEqual(fullFacts().learningOutcomes);
    for (const hidden of ['given_name', 'learner_identification', 'assessment_grade', 'types_of_quality_assurance']) {
      expect(result.claims).not.toHaveProperty(hidden);
    }
    expect(result.claims.achievement_title).toBe('Data Stewardship for Research');
    expect(result.keyBinding).toEqual(expect.objectContaining({ nonce: verifierNonce, aud: audience, sd_hash: expect.any(String) }));
  });

  it('refuses a wrong nonce', async () => {
    const presentation = await presentWithKeyBinding(await issue(), holder.privateJwk, { family_name: true }, { ...kb, nonce: 'replayed' });
    await expect(verifyLearningCredential(presentation, options)).rejects.toThrow(/nonce/i);
  });

  it('refuses a wrong audience', async () => {
    const presentation = await presentWithKeyBinding(
      await issue(),
      holder.privateJwk,
      { family_name: true },
      { ...kb, aud: 'https://other.example' },
    );
    await expect(verifyLearningCredential(presentation, options)).rejects.toThrow(/audience/i);
  });

  it('refuses a key-binding JWT signed by a key other than cnf.jwk', async () => {
    const presentation = await presentWithKeyBinding(await issue(), keyPair('EdDSA').privateJwk, { family_name: true }, kb);
    await expect(verifyLearningCredential(presentation, options)).rejects.toThrow(/signature/i);
  });

  it('refuses a presentation without a key-binding JWT when one is required', async () => {
    await expect(verifyLearningCredential(await issue(), options)).rejects.toThrow(/key binding/i);
  });

  it('refuses a presentation whose disclosures were changed after the holder signed', async () => {
    const credential = await issue();
    const presentation = await presentWithKeyBinding(credential, holder.privateJwk, { family_name: true }, kb);
    const parts = presentation.split('~');
    const extra = credential.split('~').find((d, i) => i > 0 && d !== '' && !parts.includes(d)) as string;
    const widened = [...parts.slice(0, -1), extra, parts.at(-1)].join('~');
    await expect(verifyLearningCredential(widened, options)).rejects.toThrow(/sd_hash/i);
  });
});
