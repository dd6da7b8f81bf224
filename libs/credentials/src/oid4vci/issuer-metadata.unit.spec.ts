import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Jwk } from '@openid4vc/oauth2';
import { Openid4vciIssuer } from '@openid4vc/openid4vci';
import { readVectorJson } from '../__tests__/vectors';
import { LEARNING_CREDENTIAL_SD_JWT, OPEN_BADGE_LDP_VC, type CredentialConfiguration } from './credential-configurations';
import { createIssuerProtocol, issuerJwks } from './issuer-protocol';
import { wellKnownUrl } from './issuer-metadata';
import { privateJwkSigner } from './jwt-signer';
import { LEARNING_CREDENTIAL_VCT } from '../sd-jwt-vc/learning-credential.claims';
import { oidfViolations } from './testing/oidf-schemas';

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const protocol = createIssuerProtocol({
  issuerUrl: 'https://issuer.alliance.example/tenant-a',
  display: [{ name: 'Alliance University', locale: 'en' }],
  accessTokenSigner: privateJwkSigner(privateKey.export({ format: 'jwk' }) as Jwk, 'ES256', 'k1'),
  nonceSecret: randomBytes(32),
});
const metadata = protocol.credentialIssuerMetadata;
const configurations = metadata.credential_configurations_supported as unknown as Record<string, CredentialConfiguration>;

describe('credential issuer metadata (OID4VCI 1.0 §12.2)', () => {
  it('derives every endpoint from the issuer URL', () => {
    expect(metadata).toMatchObject({
      credential_issuer: 'https://issuer.alliance.example/tenant-a',
      credential_endpoint: 'https://issuer.alliance.example/tenant-a/credential',
      nonce_endpoint: 'https://issuer.alliance.example/tenant-a/nonce',
      deferred_credential_endpoint: 'https://issuer.alliance.example/tenant-a/deferred-credential',
      notification_endpoint: 'https://issuer.alliance.example/tenant-a/notification',
      display: [{ name: 'Alliance University', locale: 'en' }],
    });
    expect(protocol.endpoints.credentialIssuerMetadataUrl).toBe(
      'https://issuer.alliance.example/.well-known/openid-credential-issuer/tenant-a',
    );
    expect(wellKnownUrl('https://issuer.example', 'oauth-authorization-server')).toBe(
      'https://issuer.example/.well-known/oauth-authorization-server',
    );
  });

  it('passes the OIDF metadata schema except for the ldp_vc members, which that schema has no branch for', () => {
    const violations = oidfViolations('credential_issuer_metadata-1_0.json', metadata);
    // The suite's schema knows jwt_vc_json, dc+sd-jwt and mso_mdoc only; for ldp_vc it reports the
    // format-specific members as unevaluated. Everything else must pass.
    const prefix = `/credential_configurations_supported/${OPEN_BADGE_LDP_VC}: must NOT have unevaluated properties `;
    expect(violations.sort()).toEqual(
      ['credential_definition', 'credential_signing_alg_values_supported'].map(
        (name) => `${prefix}${JSON.stringify({ unevaluatedProperty: name })}`,
      ),
    );
    const { [OPEN_BADGE_LDP_VC]: _ldp, ...others } = configurations;
    expect(oidfViolations('credential_issuer_metadata-1_0.json', { ...metadata, credential_configurations_supported: others })).toEqual([]);
  });

  it('describes the Open Badges 3.0 ldp_vc configuration as Appendix A.1.2 asks', () => {
    const ldp = configurations[OPEN_BADGE_LDP_VC];
    expect(ldp.credential_definition).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
    });
    expect(ldp.cryptographic_binding_methods_supported).toEqual(['did:jwk', 'did:key']);
    expect(ldp.credential_signing_alg_values_supported).toEqual(['eddsa-rdfc-2022', 'eddsa-jcs-2022']);
    expect(ldp.proof_types_supported).toEqual({ jwt: { proof_signing_alg_values_supported: ['ES256', 'EdDSA'] } });
    // Same members as the spec's own ldp_vc example, plus the proof types the example leaves out.
    const example = readVectorJson<{ credential_configurations_supported: Record<string, object> }>(
      'oid4vci-1.0',
      'examples',
      'credential_metadata_ldp_vc.json',
    );
    const exampleKeys = Object.keys(example.credential_configurations_supported.UniversityDegree_LDP_VC);
    expect(Object.keys(ldp).sort()).toEqual([...exampleKeys, 'proof_types_supported'].sort());
  });

  it('describes the EUDI Learning Credential dc+sd-jwt configuration', () => {
    const sdJwt = configurations[LEARNING_CREDENTIAL_SD_JWT];
    expect(sdJwt).toMatchObject({
      format: 'dc+sd-jwt',
      vct: LEARNING_CREDENTIAL_VCT,
      cryptographic_binding_methods_supported: ['jwk'],
      credential_signing_alg_values_supported: ['EdDSA'],
      proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['ES256'] } },
    });
  });

  it('lists the Learning Credential claims with the mandatory flags of the EUDI type metadata', () => {
    const typeMetadata = readVectorJson<{ claims: { path: unknown[]; mandatory: boolean }[] }>(
      'eudi-learning-credential',
      'learning_credential.type-metadata.json',
    );
    const registered = ['iss', 'jti', 'iat', 'exp', 'vct', 'cnf'];
    const learnerClaims = typeMetadata.claims.filter((c) => c.path.length === 1 && !registered.includes(c.path[0] as string));
    const ours = configurations[LEARNING_CREDENTIAL_SD_JWT].credential_metadata.claims as {
      path: unknown[];
      mandatory: boolean;
      display: unknown[];
    }[];
    const byPath = (list: { path: unknown[]; mandatory: boolean }[]) =>
      Object.fromEntries(list.map((c) => [JSON.stringify(c.path), c.mandatory]));
    expect(byPath(ours)).toEqual(byPath(learnerClaims));
    for (const claim of ours) expect(claim.display).toEqual([{ name: expect.any(String), locale: 'en' }]);
    const transcribed = readVectorJson<{ claims: { path: string[] }[] }>('eudi-learning-credential', 'learning-credential-claims.json');
    const transcribedPaths = transcribed.claims.map((c) => JSON.stringify(c.path));
    for (const claim of ours) expect(transcribedPaths).toContain(JSON.stringify(claim.path));
  });

  it('is read back by the library as two known configurations', () => {
    const known = new Openid4vciIssuer({ callbacks: {} as never }).getKnownCredentialConfigurationsSupported(
      protocol.credentialIssuerMetadata,
    );
    expect(Object.keys(known).sort()).toEqual([LEARNING_CREDENTIAL_SD_JWT, OPEN_BADGE_LDP_VC].sort());
  });

  it('refuses an issuer URL with a query, and a short nonce secret', () => {
    const base = { display: [], accessTokenSigner: protocol.accessTokenSigner, nonceSecret: randomBytes(32) };
    expect(() => createIssuerProtocol({ ...base, issuerUrl: 'https://issuer.example/?tenant=a' })).toThrow(/query/);
    expect(() => createIssuerProtocol({ ...base, issuerUrl: 'https://issuer.example', nonceSecret: randomBytes(16) })).toThrow(/32 bytes/);
  });
});

describe('authorization server metadata (RFC 8414)', () => {
  it('serves the pre-authorized code grant to anonymous wallets, with the token endpoint and JWKS under the issuer URL', () => {
    expect(protocol.authorizationServerMetadata).toEqual({
      issuer: 'https://issuer.alliance.example/tenant-a',
      token_endpoint: 'https://issuer.alliance.example/tenant-a/token',
      jwks_uri: 'https://issuer.alliance.example/tenant-a/jwks',
      grant_types_supported: ['urn:ietf:params:oauth:grant-type:pre-authorized_code'],
      'pre-authorized_grant_anonymous_access_supported': true,
      token_endpoint_auth_methods_supported: ['none'],
    });
    expect(issuerJwks(protocol).keys).toEqual([expect.objectContaining({ kty: 'EC', crv: 'P-256', kid: 'k1', use: 'sig' })]);
    expect(issuerJwks(protocol).keys[0]).not.toHaveProperty('d');
  });
});
