import { Oauth2AuthorizationServer, Oauth2ResourceServer, type AuthorizationServerMetadata, type JwkSet } from '@openid4vc/oauth2';
import { Openid4vciIssuer, Openid4vciVersion, type CredentialIssuerMetadata, type IssuerMetadataResult } from '@openid4vc/openid4vci';
import {
  buildAuthorizationServerMetadata,
  buildCredentialIssuerMetadata,
  issuerEndpoints,
  type IssuerDisplay,
  type IssuerEndpoints,
} from './issuer-metadata';
import type { JwtSigner } from './jwt-signer';
import { issuerCallbacks } from './library-callbacks';

/** Configuration of the protocol layer; it holds no state of its own. */
export interface IssuerProtocolOptions {
  /** Credential Issuer Identifier (https URL), also the authorization server's issuer. */
  issuerUrl: string;
  display: IssuerDisplay[];
  /** Signs access tokens. */
  accessTokenSigner: JwtSigner;
  /** HMAC key of the stateless `c_nonce` values; at least 32 random bytes, shared by all replicas. */
  nonceSecret: Uint8Array;
  /** Lifetime of access tokens. @default 300 */
  accessTokenTtlSeconds?: number;
  /** Lifetime of a `c_nonce`. @default 300 */
  cNonceTtlSeconds?: number;
  /** How old a key proof's `iat` may be. @default 300 */
  proofMaxAgeSeconds?: number;
  /** Tolerated clock difference with wallets, for `iat` in the future. @default 30 */
  clockSkewSeconds?: number;
  /** Most key proofs one credential request may carry. @default 1 */
  batchSize?: number;
  /** Clock, replaceable in tests. */
  now?: () => Date;
}

/** The configured protocol layer: metadata, library objects and limits, shared by every endpoint function. */
export interface IssuerProtocol {
  endpoints: IssuerEndpoints;
  credentialIssuerMetadata: CredentialIssuerMetadata;
  authorizationServerMetadata: AuthorizationServerMetadata;
  /** The metadata in the shape the library's issuer functions take. */
  issuerMetadata: IssuerMetadataResult;
  issuer: Openid4vciIssuer;
  authorizationServer: Oauth2AuthorizationServer;
  resourceServer: Oauth2ResourceServer;
  accessTokenSigner: JwtSigner;
  nonceSecret: Uint8Array;
  limits: {
    accessTokenTtlSeconds: number;
    cNonceTtlSeconds: number;
    proofMaxAgeSeconds: number;
    clockSkewSeconds: number;
    batchSize: number;
  };
  now(): Date;
}

/**
 * Builds the protocol layer once at start-up. The metadata is validated by the library here, so a bad
 * `issuerUrl` or display fails the service's start rather than a wallet's first request.
 */
export function createIssuerProtocol(options: IssuerProtocolOptions): IssuerProtocol {
  if (options.nonceSecret.length < 32) throw new Error('nonceSecret must hold at least 32 bytes');
  const endpoints = issuerEndpoints(options.issuerUrl);
  const callbacks = issuerCallbacks(options.accessTokenSigner, endpoints.jwksUri);
  const issuer = new Openid4vciIssuer({ callbacks });
  const authorizationServer = new Oauth2AuthorizationServer({ callbacks });
  const resourceServer = new Oauth2ResourceServer({ callbacks });
  const credentialIssuerMetadata = issuer.createCredentialIssuerMetadata(buildCredentialIssuerMetadata(options));
  const authorizationServerMetadata = authorizationServer.createAuthorizationServerMetadata(buildAuthorizationServerMetadata(options));
  return {
    endpoints,
    credentialIssuerMetadata,
    authorizationServerMetadata,
    issuerMetadata: {
      originalDraftVersion: Openid4vciVersion.V1,
      credentialIssuer: credentialIssuerMetadata,
      authorizationServers: [authorizationServerMetadata],
      knownCredentialConfigurations: issuer.getKnownCredentialConfigurationsSupported(credentialIssuerMetadata),
    },
    issuer,
    authorizationServer,
    resourceServer,
    accessTokenSigner: options.accessTokenSigner,
    nonceSecret: options.nonceSecret,
    limits: {
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 300,
      cNonceTtlSeconds: options.cNonceTtlSeconds ?? 300,
      proofMaxAgeSeconds: options.proofMaxAgeSeconds ?? 300,
      clockSkewSeconds: options.clockSkewSeconds ?? 30,
      batchSize: options.batchSize ?? 1,
    },
    now: options.now ?? (() => new Date()),
  };
}

/** The JWK Set to serve at `jwks_uri`, with which resource servers check the access tokens. */
export function issuerJwks(protocol: IssuerProtocol): JwkSet {
  return { keys: [protocol.accessTokenSigner.publicJwk] };
}
