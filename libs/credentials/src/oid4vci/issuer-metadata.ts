import { preAuthorizedCodeGrantIdentifier, type AuthorizationServerMetadata } from '@openid4vc/oauth2';
import type { CredentialIssuerMetadata } from '@openid4vc/openid4vci';
import { credentialConfigurations } from './credential-configurations';

/** Display of the credential issuer itself (§12.2.4 `display`). */
export interface IssuerDisplay {
  name: string;
  locale?: string;
  logo?: { uri: string; alt_text?: string };
}

/** Every URL the protocol layer publishes, all derived from the Credential Issuer Identifier. */
export interface IssuerEndpoints {
  credentialIssuer: string;
  credentialEndpoint: string;
  nonceEndpoint: string;
  deferredCredentialEndpoint: string;
  notificationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  /** Where the offer object of `offerId` is served when it is sent by reference. */
  credentialOfferUri(offerId: string): string;
  credentialIssuerMetadataUrl: string;
  authorizationServerMetadataUrl: string;
}

/**
 * The endpoints under one `issuerUrl` (https, no query or fragment, §12.2.1). The issuer is its own
 * authorization server, so both use the same identifier.
 */
export function issuerEndpoints(issuerUrl: string): IssuerEndpoints {
  const url = new URL(issuerUrl);
  if (url.search || url.hash) throw new Error('The Credential Issuer Identifier must have no query or fragment');
  const base = issuerUrl.replace(/\/+$/, '');
  return {
    credentialIssuer: issuerUrl,
    credentialEndpoint: `${base}/credential`,
    nonceEndpoint: `${base}/nonce`,
    deferredCredentialEndpoint: `${base}/deferred-credential`,
    notificationEndpoint: `${base}/notification`,
    tokenEndpoint: `${base}/token`,
    jwksUri: `${base}/jwks`,
    credentialOfferUri: (offerId) => `${base}/credential-offer/${encodeURIComponent(offerId)}`,
    credentialIssuerMetadataUrl: wellKnownUrl(issuerUrl, 'openid-credential-issuer'),
    authorizationServerMetadataUrl: wellKnownUrl(issuerUrl, 'oauth-authorization-server'),
  };
}

/**
 * Inserts `/.well-known/<suffix>` between the host and the path (§12.2.2, RFC 8414 §3), so
 * `https://h/tenant` is described at `https://h/.well-known/<suffix>/tenant`.
 */
export function wellKnownUrl(identifier: string, suffix: string): string {
  const url = new URL(identifier);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
  return `${url.origin}/.well-known/${suffix}${path}`;
}

/** Options of {@link buildCredentialIssuerMetadata}. */
export interface CredentialIssuerMetadataOptions {
  issuerUrl: string;
  display: IssuerDisplay[];
  /** Most key proofs per credential request; above 1 it is announced as `batch_credential_issuance`. */
  batchSize?: number;
}

/**
 * The Credential Issuer Metadata (§12.2.4) with the Open Badges `ldp_vc` and EUDI Learning Credential
 * `dc+sd-jwt` configurations. `authorization_servers` is left out: the issuer is its own authorization server.
 */
export function buildCredentialIssuerMetadata(options: CredentialIssuerMetadataOptions): CredentialIssuerMetadata {
  const endpoints = issuerEndpoints(options.issuerUrl);
  return {
    credential_issuer: endpoints.credentialIssuer,
    credential_endpoint: endpoints.credentialEndpoint,
    nonce_endpoint: endpoints.nonceEndpoint,
    deferred_credential_endpoint: endpoints.deferredCredentialEndpoint,
    notification_endpoint: endpoints.notificationEndpoint,
    ...(options.batchSize && options.batchSize > 1 ? { batch_credential_issuance: { batch_size: options.batchSize } } : {}),
    display: options.display.map((entry) => ({ ...entry })),
    credential_configurations_supported:
      credentialConfigurations() as unknown as CredentialIssuerMetadata['credential_configurations_supported'],
  };
}

/** Options of {@link buildAuthorizationServerMetadata}. */
export interface AuthorizationServerMetadataOptions {
  issuerUrl: string;
}

/**
 * The OAuth 2.0 Authorization Server Metadata (RFC 8414) of the issuer acting as its own authorization
 * server. Only the pre-authorized code grant is served, and wallets need not authenticate (§6.1, §12.3).
 */
export function buildAuthorizationServerMetadata(options: AuthorizationServerMetadataOptions): AuthorizationServerMetadata {
  const endpoints = issuerEndpoints(options.issuerUrl);
  return {
    issuer: endpoints.credentialIssuer,
    token_endpoint: endpoints.tokenEndpoint,
    jwks_uri: endpoints.jwksUri,
    grant_types_supported: [preAuthorizedCodeGrantIdentifier],
    'pre-authorized_grant_anonymous_access_supported': true,
    token_endpoint_auth_methods_supported: ['none'],
  };
}
