import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readVectorJson } from '../__tests__/vectors';
import { fullFacts, issueWithKeys, keyPair, minimalFacts, readSdJwt } from './__tests__/learning-credential.fixture';
import { buildLearningCredentialClaims, LEARNING_CREDENTIAL_DISCLOSURE_FRAME, LEARNING_CREDENTIAL_VCT } from './learning-credential.claims';
import { LEARNING_CREDENTIAL_TYPE_METADATA } from './learning-credential.type-metadata';
import { verifyLearningCredential } from './verify-learning-credential';

const NOW = new Date('2026-12-01T09:00:00Z');
const holder = keyPair('ES256');
const claimsOf = (sd?: 'always' | 'never', mandatory?: boolean) =>
  (LEARNING_CREDENTIAL_TYPE_METADATA.claims ?? []).filter(
    (c) => (sd === undefined || c.sd === sd) && (mandatory === undefined || c.mandatory === mandatory),
  );

/** The values a claim path selects; `null` selects every element of an array. */
function select(value: unknown, path: (string | null)[]): unknown[] {
  if (path.length === 0) return [value];
  const [step, ...rest] = path;
  if (step === null) return Array.isArray(value) ? value.flatMap((element) => select(element, rest)) : [];
  if (typeof value !== 'object' || value === null || !(step in value)) return [];
  return select((value as Record<string, unknown>)[step], rest);
}

describe('learning credential type metadata', () => {
  it('is the EUDI reference issuer document, member for member', () => {
    expect(LEARNING_CREDENTIAL_TYPE_METADATA).toEqual(readVectorJson('eudi-learning-credential', 'learning_credential.type-metadata.json'));
    expect(LEARNING_CREDENTIAL_TYPE_METADATA.vct).toBe(LEARNING_CREDENTIAL_VCT);
  });

  it('validates against the OpenID conformance suite schema for SD-JWT VC type metadata', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(readVectorJson('oid4vci-1.0', 'oidf-conformance-schemas', 'type_metadata.json'));
    expect(validate(LEARNING_CREDENTIAL_TYPE_METADATA) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...LEARNING_CREDENTIAL_TYPE_METADATA, vct: 42 })).toBe(false);
  });

  it('agrees with the disclosure frame: the top-level sd "always" claims are exactly the frame', () => {
    const always = claimsOf('always').map((c) => c.path);
    expect(always.every((path) => path.length === 1)).toBe(true);
    expect(always.map((path) => path[0]).sort()).toEqual([...LEARNING_CREDENTIAL_DISCLOSURE_FRAME._sd].sort());
  });

  it.each([
    ['full', fullFacts],
    ['minimal', minimalFacts],
  ])('puts every mandatory claim into a credential built from %s facts', (_, facts) => {
    const claims = buildLearningCredentialClaims(facts(), { holderJwk: holder.publicJwk, now: NOW, jti: 'j' });
    const missing = claimsOf(undefined, true).filter((c) => select(claims, c.path).length === 0);
    expect(missing.map((c) => c.path)).toEqual([]);
  });

  it('finds every mandatory claim in an issued credential once all disclosures are applied', async () => {
    const issuer = keyPair('EdDSA');
    const token = await issueWithKeys(issuer, holder, { facts: fullFacts(), now: NOW });
    const { claims } = await verifyLearningCredential(token, { issuerJwk: issuer.publicJwk, now: NOW });
    const missing = claimsOf(undefined, true).filter((c) => select(claims, c.path).length === 0);
    expect(missing.map((c) => c.path)).toEqual([]);
  });

  it('finds every sd "never" claim of an issued credential in the clear in the issuer JWT', async () => {
    const issuer = keyPair('ES256');
    const token = await issueWithKeys(issuer, holder, { facts: fullFacts(), now: NOW });
    const { payload } = readSdJwt(token);
    const plainTopLevel = claimsOf('never').filter((c) => c.path.length === 1);
    expect(plainTopLevel.filter((c) => select(payload, c.path).length === 0).map((c) => c.path)).toEqual([]);
  });
});
