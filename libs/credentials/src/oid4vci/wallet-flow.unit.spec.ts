import { decodeJwt } from '@openid4vc/oauth2';
import { LEARNING_CREDENTIAL_SD_JWT, OPEN_BADGE_LDP_VC } from './credential-configurations';
import { verifyCompactJws } from './jws';
import { encodePublicKeyMultibase } from '../keys/ed25519';
import { didJwkOf, handMadeProof, newHolderKey, walletClient, walletRun } from './testing/holder-wallet';
import { credentialRequest, postJson, redeemedOffer } from './testing/redeemed-offer';
import { oidfViolations } from './testing/oidf-schemas';
import { useTestIssuer } from './testing/use-test-issuer';

const env = useTestIssuer();

describe('OpenID4VCI wallet run against the protocol layer (the credential is a stand-in JWS the test server signs)', () => {
  it('resolves an offer by value, redeems the code with the tx_code and receives a credential bound to the proven key', async () => {
    const { offerId, links, txCode } = await env.issuer.offer([LEARNING_CREDENTIAL_SD_JWT], { withTxCode: true });
    const run = await walletRun(links.byValue, txCode);

    expect(run.credentialOffer.grants?.['urn:ietf:params:oauth:grant-type:pre-authorized_code']?.tx_code).toEqual({
      input_mode: 'numeric',
      length: 6,
      description: 'Sent to you by e-mail',
    });
    expect(run.issuerMetadata.credentialIssuer.credential_issuer).toBe(env.issuer.issuerUrl);
    expect(run.response.credentialResponse.credentials).toHaveLength(1);
    expect(run.response.credentialResponse.notification_id).toBe(`n-${offerId}`);
    const credential = run.response.credentialResponse.credentials![0] as { credential: string };
    expect(verifyCompactJws(credential.credential, 'ES256', env.issuer.protocol.accessTokenSigner.publicJwk)).toBe(true);
    expect(env.issuer.state.issued).toEqual([
      { offerId, configurationId: LEARNING_CREDENTIAL_SD_JWT, holderKeys: [run.holder.publicJwk], credential: credential.credential },
    ]);
    expect(env.issuer.state.offers.get(offerId)?.redeemed).toBe(true);
  });

  it('resolves an offer by reference (credential_offer_uri) and issues without a tx_code when the offer has none', async () => {
    const { offerId, links } = await env.issuer.offer([OPEN_BADGE_LDP_VC]);
    expect(links.byReference).toBe(
      `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(`${env.issuer.issuerUrl}/credential-offer/${offerId}`)}`,
    );
    const run = await walletRun(links.byReference!, undefined);
    expect(run.credentialOffer).toEqual(links.offer);
    expect(env.issuer.state.issued.map((entry) => [entry.offerId, entry.configurationId])).toEqual([[offerId, OPEN_BADGE_LDP_VC]]);
  });

  it('issues an access token for the offer: subject = offer id, audience = issuer, short expiry, limited to the offered configurations', async () => {
    const { offerId, links, txCode } = await env.issuer.offer([LEARNING_CREDENTIAL_SD_JWT], { withTxCode: true });
    const { accessTokenResponse } = await walletRun(links.byValue, txCode);
    const { header, payload } = decodeJwt({ jwt: accessTokenResponse.access_token });
    expect(header).toMatchObject({ typ: 'at+jwt', alg: 'ES256', kid: 'issuer-key-1' });
    expect(payload).toMatchObject({
      sub: offerId,
      aud: env.issuer.issuerUrl,
      iss: env.issuer.issuerUrl,
      credential_configuration_ids: [LEARNING_CREDENTIAL_SD_JWT],
    });
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(accessTokenResponse).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    expect(accessTokenResponse).not.toHaveProperty('c_nonce');
  });

  it('the credential request the wallet sent is the 1.0 shape the OIDF request schema accepts', async () => {
    const { links, txCode } = await env.issuer.offer([LEARNING_CREDENTIAL_SD_JWT], { withTxCode: true });
    const { jwt } = await walletRun(links.byValue, txCode);
    const [sent] = env.issuer.state.received['POST /credential'];
    expect(sent).toEqual({ credential_configuration_id: LEARNING_CREDENTIAL_SD_JWT, proofs: { jwt: [jwt] } });
    expect(oidfViolations('credential_request-1_0.json', sent)).toEqual([]);
    // The schema is a real check: a draft-style request naming a format fails it.
    expect(oidfViolations('credential_request-1_0.json', { format: 'dc+sd-jwt', proofs: { jwt: [jwt] } })).not.toEqual([]);
  });

  it('accepts a did:jwk key reference in kid and binds the credential to that key', async () => {
    const { links } = await env.issuer.offer([OPEN_BADGE_LDP_VC]);
    const holder = newHolderKey('EdDSA');
    const client = walletClient(holder);
    const credentialOffer = await client.resolveCredentialOffer(links.byValue);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata });
    const { c_nonce } = await client.requestNonce({ issuerMetadata });
    const { jwt } = await client.createCredentialRequestJwtProof({
      issuerMetadata,
      credentialConfigurationId: OPEN_BADGE_LDP_VC,
      nonce: c_nonce,
      signer: { method: 'did', alg: 'EdDSA', didUrl: `${didJwkOf(holder)}#0` },
    });
    await client.retrieveCredentials({
      issuerMetadata,
      accessToken: accessTokenResponse.access_token,
      credentialConfigurationId: OPEN_BADGE_LDP_VC,
      proofs: { jwt: [jwt] },
    });
    expect(env.issuer.state.issued[0].holderKeys).toEqual([{ kty: 'OKP', crv: 'Ed25519', x: holder.publicJwk.x }]);
  });

  it('accepts an Ed25519 did:key in kid, and ignores request members it does not know (§8.2)', async () => {
    const { cNonce, accessToken } = await redeemedOffer(env.issuer, [OPEN_BADGE_LDP_VC]);
    const holder = newHolderKey('EdDSA');
    const multibase = encodePublicKeyMultibase(Buffer.from(holder.publicJwk.x!, 'base64url'));
    const jwt = await handMadeProof(holder, { aud: env.issuer.issuerUrl, nonce: cNonce }, { kid: `did:key:${multibase}#${multibase}` });
    const answer = await postJson(
      env.issuer,
      '/credential',
      { ...credentialRequest(jwt, OPEN_BADGE_LDP_VC), extension_member: 'ignored' },
      accessToken,
    );
    expect(answer.status).toBe(200);
    expect(env.issuer.state.issued.map((entry) => entry.holderKeys)).toEqual([[{ kty: 'OKP', crv: 'Ed25519', x: holder.publicJwk.x }]]);
  });
});
