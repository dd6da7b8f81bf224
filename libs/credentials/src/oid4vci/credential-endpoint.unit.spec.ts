import { randomBytes } from 'node:crypto';
import { LEARNING_CREDENTIAL_SD_JWT } from './credential-configurations';
import { createCNonce } from './nonce-endpoint';
import { handMadeProof, newHolderKey } from './testing/holder-wallet';
import { credentialRequest as request } from './testing/redeemed-offer';
import { useTestIssuer } from './testing/use-test-issuer';

const env = useTestIssuer({ controlledClock: true });
const { redeemed, post } = env;

describe('credential endpoint refusals (OID4VCI 1.0 §8.3.1): the spec error, and nothing issued', () => {
  afterEach(() => expect(env.issuer.state.issued).toEqual([]));

  it('a proof whose nonce is not a c_nonce of this issuer: invalid_nonce', async () => {
    const { holder, accessToken } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: env.issuer.issuerUrl, nonce: randomBytes(24).toString('base64url') });
    expect(await post('/credential', request(jwt), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_nonce' } });
  });

  it('a proof whose c_nonce has expired: invalid_nonce', async () => {
    const { cNonce } = createCNonce(env.issuer.protocol);
    env.clock += (env.issuer.protocol.limits.cNonceTtlSeconds + 1) * 1000;
    const { holder, accessToken } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: env.issuer.issuerUrl, nonce: cNonce, iat: Math.floor(env.clock / 1000) });
    expect(await post('/credential', request(jwt), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_nonce' } });
  });

  it('a proof without a nonce: invalid_proof', async () => {
    const { holder, accessToken } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: env.issuer.issuerUrl });
    expect(await post('/credential', request(jwt), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
  });

  it('a proof for another audience: invalid_proof', async () => {
    const { holder, accessToken, cNonce } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: 'https://another-issuer.example', nonce: cNonce });
    expect(await post('/credential', request(jwt), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
  });

  it('a stale proof (iat older than the accepted window): invalid_proof', async () => {
    const { holder, accessToken, cNonce } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: env.issuer.issuerUrl, nonce: cNonce, iat: Math.floor(env.clock / 1000) - 3600 });
    expect(await post('/credential', request(jwt), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
  });

  it('a proof signed by another key than the one in its header: invalid_proof', async () => {
    const { holder, accessToken, cNonce } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: env.issuer.issuerUrl, nonce: cNonce }, { jwk: newHolderKey().publicJwk });
    expect(await post('/credential', request(jwt), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
  });

  it('a proof with an algorithm or key reference the configuration does not list: invalid_proof', async () => {
    const { accessToken, cNonce } = await redeemed();
    const edKey = newHolderKey('EdDSA');
    const eddsa = await handMadeProof(edKey, { aud: env.issuer.issuerUrl, nonce: cNonce });
    expect(await post('/credential', request(eddsa), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
    const holder = newHolderKey();
    const byDid = await handMadeProof(
      holder,
      { aud: env.issuer.issuerUrl, nonce: cNonce },
      { kid: 'did:key:zDnaeWgbpcUat3VPa1GpFcbNqEvVcRXnz4TefNZQtPQSQTJhm#0' },
    );
    expect(await post('/credential', request(byDid), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
  });

  it('no proofs: invalid_proof', async () => {
    const { accessToken } = await redeemed();
    expect(await post('/credential', { credential_configuration_id: LEARNING_CREDENTIAL_SD_JWT }, accessToken)).toMatchObject({
      status: 400,
      body: { error: 'invalid_proof' },
    });
  });

  it('a drafts-style single `proof` meets the same checks; one that is not a jwt proof counts as none: invalid_proof', async () => {
    const { holder, accessToken } = await redeemed();
    const foreignNonce = await handMadeProof(holder, { aud: env.issuer.issuerUrl, nonce: randomBytes(24).toString('base64url') });
    const draft = (proof: unknown) => ({ credential_configuration_id: LEARNING_CREDENTIAL_SD_JWT, proof });
    expect(await post('/credential', draft({ proof_type: 'jwt', jwt: foreignNonce }), accessToken)).toMatchObject({
      status: 400,
      body: { error: 'invalid_nonce' },
    });
    for (const junk of [{ proof_type: 'ldp_vp', jwt: foreignNonce }, { proof_type: 'jwt' }, { proof_type: 'jwt', jwt: 42 }, 'jwt', null]) {
      // Refused as no proof, or (where the library's parser already rejects the member's shape) as malformed.
      const refused = await post('/credential', draft(junk), accessToken);
      expect(refused.status).toBe(400);
      expect(['invalid_proof', 'invalid_credential_request']).toContain((refused.body as { error: string }).error);
    }
  });

  it('an unknown configuration: unknown_credential_configuration', async () => {
    const { holder, accessToken, cNonce } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: env.issuer.issuerUrl, nonce: cNonce });
    expect(await post('/credential', request(jwt, 'NoSuchCredential'), accessToken)).toMatchObject({
      status: 400,
      body: { error: 'unknown_credential_configuration' },
    });
  });

  it('a pre-1.0 request naming a format: invalid_credential_request', async () => {
    const { holder, accessToken, cNonce } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: env.issuer.issuerUrl, nonce: cNonce });
    const draft = { format: 'dc+sd-jwt', vct: 'urn:eu.europa.ec.eudi:learning:credential:1', proofs: { jwt: [jwt] } };
    expect(await post('/credential', draft, accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_credential_request' } });
  });

  it('more proofs than the batch size: invalid_credential_request', async () => {
    const { holder, accessToken, cNonce } = await redeemed();
    const jwts = [
      await handMadeProof(holder, { aud: env.issuer.issuerUrl, nonce: cNonce }),
      await handMadeProof(newHolderKey(), { aud: env.issuer.issuerUrl, nonce: cNonce }),
    ];
    expect(
      await post('/credential', { credential_configuration_id: LEARNING_CREDENTIAL_SD_JWT, proofs: { jwt: jwts } }, accessToken),
    ).toMatchObject({
      status: 400,
      body: { error: 'invalid_credential_request' },
    });
  });
});
