import { createPublicKey, verify } from 'node:crypto';
import { UNI_A, UNI_B, UNI_C } from '../../domain/__fixtures__/specs.fixture';
import { issuanceHarness } from '../__fixtures__/issuance-harness.fixture';
import { LearningCredentialSigning } from './learning-credential-signing';

describe('signing Learning Credentials for the lead awarding body', () => {
  it("signs with the institution's platform-held key, named by its verification method, which the published keys verify", async () => {
    const { aggregates, knowledge, vault, onboard } = await issuanceHarness();
    await onboard(UNI_A);
    const signing = new LearningCredentialSigning(aggregates, knowledge, vault);
    const signer = await signing.signerFor(UNI_A, '2026-03-01T00:00:00.000Z');
    if ('unsignable' in signer) throw new Error(`unsignable: ${signer.unsignable}`);
    expect([signer.alg, signer.kid]).toEqual(['EdDSA', 'did:web:a.example#key-1']);
    const signature = await signer.sign('header.payload');
    const [published] = await signing.issuerKeys(UNI_A);
    expect(published).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: 'did:web:a.example#key-1', alg: 'EdDSA' });
    expect(published).not.toHaveProperty('d');
    const key = createPublicKey({ key: published as never, format: 'jwk' });
    expect(verify(null, Buffer.from('header.payload'), key, Buffer.from(signature, 'base64url'))).toBe(true);
    expect(verify(null, Buffer.from('header.other'), key, Buffer.from(signature, 'base64url'))).toBe(false);
  });

  it('has no signer and publishes no key for an institution without a platform-held key, or before its key is valid', async () => {
    const { aggregates, knowledge, vault, onboard } = await issuanceHarness();
    await onboard(UNI_B, 'key-1', '2026-06-01T00:00:00.000Z');
    const signing = new LearningCredentialSigning(aggregates, knowledge, vault);
    expect(await signing.signerFor(UNI_C, '2026-03-01T00:00:00.000Z')).toEqual({ unsignable: 'no-platform-key' });
    expect(await signing.issuerKeys(UNI_C)).toEqual([]);
    expect(await signing.signerFor(UNI_B, '2026-03-01T00:00:00.000Z')).toHaveProperty('unsignable');
  });
});
