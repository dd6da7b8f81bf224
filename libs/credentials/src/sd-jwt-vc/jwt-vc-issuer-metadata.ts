import { assertPublicJwk, type Jwk } from './jose-keys';
import { checkIssuerUrl } from './issuer-url';

/** The JWT VC Issuer Metadata document an issuer serves at `/.well-known/jwt-vc-issuer` (SD-JWT VC key resolution). */
export interface JwtVcIssuerMetadata {
  /** Equal to the `iss` of the credentials it vouches for. */
  issuer: string;
  jwks: { keys: Jwk[] };
}

const WELL_KNOWN = '/.well-known/jwt-vc-issuer';

const issuerUrl = (issuer: string): URL => checkIssuerUrl(issuer, 'issuer');

/**
 * Where a verifier fetches an issuer's metadata: `/.well-known/jwt-vc-issuer` goes between the host and the
 * issuer's path, whose trailing `/` is dropped, so several issuers can share one host.
 */
export function jwtVcIssuerMetadataUrl(issuer: string): string {
  const url = issuerUrl(issuer);
  const path = url.pathname.replace(/\/$/, '');
  return `${url.origin}${WELL_KNOWN}${path}`;
}

/**
 * Builds the `/.well-known/jwt-vc-issuer` document listing the issuer's public signing keys. Every key needs a
 * distinct `kid`, the value the credential header names, and none may carry private material.
 */
export function buildJwtVcIssuerMetadata(issuer: string, keys: readonly Jwk[]): JwtVcIssuerMetadata {
  issuerUrl(issuer);
  if (!Array.isArray(keys) || keys.length === 0) throw new TypeError('keys must hold at least one public JWK');
  const kids = new Set<string>();
  keys.forEach((key, i) => {
    assertPublicJwk(key, `keys[${i}]`);
    if (typeof key.kid !== 'string' || key.kid === '') throw new TypeError(`keys[${i}] needs a kid`);
    if (kids.has(key.kid)) throw new TypeError(`keys[${i}] repeats kid ${key.kid}`);
    kids.add(key.kid);
  });
  return { issuer, jwks: { keys: keys.map((key) => ({ ...key })) } };
}
