import {
  buildInput,
  didDocuments,
  INSTITUTIONS,
  platformLoader,
  resolveVerificationMethod,
  UNI_A,
  UNI_B,
  UNI_C,
} from '../__tests__/alliance-fixture';
import { buildDidWebDocument } from '../did/did-web';
import { createVerificationMethodResolver } from '../did/resolver';
import { generateEd25519KeyPair } from '../keys/ed25519';
import { buildAchievementCredential } from '../model/build-achievement-credential';
import { requiredCoIssuersOf } from '../model/co-issuers';
import { validateAchievementCredentialSchema } from '../schema/ob-schema';
import { signCredential } from './sign';
import type { CryptosuiteName, DataIntegrityProof, JsonObject } from './types';
import { verifyCredential } from './verify-credential';

const signersFor = (cryptosuite: CryptosuiteName) =>
  INSTITUTIONS.map((i) => ({
    verificationMethod: i.verificationMethod,
    privateKey: i.keys.secretKey,
    cryptosuite,
    created: '2025-06-30T10:05:00Z',
  }));

describe.each<CryptosuiteName>(['eddsa-rdfc-2022', 'eddsa-jcs-2022'])(
  'a credential co-signed by three universities (%s)',
  (cryptosuite) => {
    let signed: JsonObject & { proof: DataIntegrityProof[] };
    const verify = (doc: JsonObject, extra: Partial<Parameters<typeof verifyCredential>[1]> = {}) =>
      verifyCredential(doc, {
        resolveVerificationMethod,
        requiredSigners: requiredCoIssuersOf(doc),
        now: '2025-07-01T00:00:00Z',
        documentLoader: platformLoader,
        ...extra,
      });

    beforeAll(async () => {
      signed = await signCredential(buildAchievementCredential(buildInput()), signersFor(cryptosuite), { documentLoader: platformLoader });
    });

    it('carries one proof per awarding body and still validates against the OB schema', () => {
      expect(signed.proof.map((p) => p.verificationMethod)).toEqual(INSTITUTIONS.map((i) => i.verificationMethod));
      expect(validateAchievementCredentialSchema(signed).valid).toBe(true);
      expect(requiredCoIssuersOf(signed)).toEqual([UNI_A.did, UNI_B.did, UNI_C.did]);
    });

    it('verifies every proof and the co-issuance policy', async () => {
      const r = await verify(signed);
      expect(r.errors).toEqual([]);
      expect(r.proofs.map((p) => [p.controller, p.verified])).toEqual(INSTITUTIONS.map((i) => [i.did, true]));
      expect(r.verified).toBe(true);
      expect(r.verifiedDocument).not.toHaveProperty('proof');
    });

    it('fails the co-issuance policy when one proof is removed, naming the missing university', async () => {
      const dropped = { ...signed, proof: signed.proof.filter((p) => !p.verificationMethod.startsWith(UNI_B.did)) };
      const r = await verify(dropped);
      expect(r.proofs.every((p) => p.verified)).toBe(true);
      expect(r.verified).toBe(false);
      expect(r.errors).toEqual([{ code: 'MISSING_REQUIRED_SIGNER', message: `no verified proof by required co-issuer ${UNI_B.did}` }]);
    });

    it('fails when an outsider replaces a co-issuer proof with its own', async () => {
      const outsider = generateEd25519KeyPair();
      const outsiderDid = 'did:web:outsider.example';
      const resolver = createVerificationMethodResolver({
        resolveDidWeb: (did) =>
          did === outsiderDid
            ? buildDidWebDocument(did, [{ id: `${did}#k`, publicKeyMultibase: outsider.publicKeyMultibase }])
            : didDocuments.get(did),
      });
      const unsigned = { ...signed, proof: signed.proof.filter((p) => !p.verificationMethod.startsWith(UNI_C.did)) };
      const forged = await signCredential(
        unsigned,
        [{ verificationMethod: `${outsiderDid}#k`, privateKey: outsider.secretKey, cryptosuite }],
        { documentLoader: platformLoader },
      );
      const r = await verify(forged, { resolveVerificationMethod: resolver });
      expect(r.verified).toBe(false);
      expect(r.errors.map((e) => e.code)).toEqual(['MISSING_REQUIRED_SIGNER']);
    });

    it('fails when a co-issuer signs with a key that is not in its DID document', async () => {
      const rogue = generateEd25519KeyPair();
      const unsigned = { ...signed, proof: signed.proof.slice(0, 2) };
      const forged = await signCredential(
        unsigned,
        [{ verificationMethod: `${UNI_C.did}#key-2`, privateKey: rogue.secretKey, cryptosuite }],
        { documentLoader: platformLoader },
      );
      const r = await verify(forged);
      expect(r.verified).toBe(false);
      expect(r.proofs[2].errors[0].code).toBe('UNKNOWN_VERIFICATION_METHOD');
    });

    it('fails a proof made before the key was registered', async () => {
      const early = await signCredential(
        buildAchievementCredential(buildInput()),
        [{ ...signersFor(cryptosuite)[0], created: '2023-12-31T23:59:59Z' }],
        { documentLoader: platformLoader },
      );
      const r = await verify(early, { requiredSigners: [UNI_A.did] });
      expect(r.proofs[0].errors[0].code).toBe('KEY_NOT_VALID_AT_PROOF_TIME');
    });

    it('fails when the content changes after signing, for every proof', async () => {
      const altered = structuredClone(signed);
      ((altered.credentialSubject as JsonObject).result as JsonObject[])[0].value = 'A+';
      const r = await verify(altered);
      expect(r.verified).toBe(false);
      expect(r.proofs.map((p) => p.errors[0]?.code)).toEqual(['INVALID_SIGNATURE', 'INVALID_SIGNATURE', 'INVALID_SIGNATURE']);
    });

    it('judges the validity period at the given instant', async () => {
      expect((await verify(signed, { now: '2025-06-01T00:00:00Z' })).errors.map((e) => e.code)).toEqual(['CREDENTIAL_NOT_YET_VALID']);
      expect((await verify(signed, { now: '2031-01-01T00:00:00Z' })).errors.map((e) => e.code)).toEqual(['CREDENTIAL_EXPIRED']);
    });
  },
);

describe('controller binding', () => {
  it('refuses a resolver answer that attributes a DID method to another controller', async () => {
    const signed = await signCredential(buildAchievementCredential(buildInput()), signersFor('eddsa-jcs-2022'));
    const lying = async (id: string, o: { proofPurpose: string }) => ({
      ...(await resolveVerificationMethod(id, o)),
      controller: UNI_A.did,
    });
    const r = await verifyCredential(signed, {
      resolveVerificationMethod: lying,
      requiredSigners: requiredCoIssuersOf(signed),
      now: '2025-07-01T00:00:00Z',
    });
    expect(r.verified).toBe(false);
    expect(r.proofs.map((p) => p.errors[0]?.code)).toEqual([undefined, 'INVALID_VERIFICATION_METHOD', 'INVALID_VERIFICATION_METHOD']);
  });
});
