import { Oauth2ResourceUnauthorizedError, SupportedAuthenticationScheme } from '@openid4vc/oauth2';
import { toRequestLike, type HttpRequest } from './http-request';
import type { IssuerProtocol } from './issuer-protocol';
import type { ProtocolFailure } from './protocol-response';
import { TOKEN_CONFIGURATIONS_CLAIM } from './token-endpoint';

/** A request whose access token this issuer signed, for audience = the credential issuer, still valid. */
export interface AuthorizedRequest {
  ok: true;
  /** The token's subject: the offer it was granted for. */
  offerId: string;
  /** The configurations the token is limited to, when the token says so. */
  credentialConfigurationIds?: string[];
}

/**
 * Checks the Bearer access token of a protected request (credential, deferred, notification endpoints) with
 * the library's resource server: signature with the issuer's own JWKS, `iss`, `aud`, `exp`. Failures are
 * RFC 6750 §3 answers: 401 with `WWW-Authenticate`, and `invalid_token` unless no token was sent at all.
 */
export async function verifyAccessToken(protocol: IssuerProtocol, request: HttpRequest): Promise<AuthorizedRequest | ProtocolFailure> {
  let tokenPayload;
  try {
    ({ tokenPayload } = await protocol.resourceServer.verifyResourceRequest({
      request: toRequestLike(request),
      resourceServer: protocol.endpoints.credentialIssuer,
      authorizationServers: [protocol.authorizationServerMetadata],
      allowedAuthenticationSchemes: [SupportedAuthenticationScheme.Bearer],
      now: protocol.now(),
    }));
  } catch (error) {
    if (error instanceof Oauth2ResourceUnauthorizedError) return unauthorized(error);
    throw error;
  }
  const offerId = tokenPayload.sub;
  if (typeof offerId !== 'string' || offerId === '') {
    return unauthorized(new Oauth2ResourceUnauthorizedError('no subject', { scheme: 'Bearer', error: 'invalid_token' }));
  }
  const ids = (tokenPayload as Record<string, unknown>)[TOKEN_CONFIGURATIONS_CLAIM];
  return {
    ok: true,
    offerId,
    ...(Array.isArray(ids) ? { credentialConfigurationIds: ids.filter((id): id is string => typeof id === 'string') } : {}),
  };
}

function unauthorized(error: Oauth2ResourceUnauthorizedError): ProtocolFailure {
  const challenge = error.wwwAuthenticateHeaders.find((header) => header.error);
  return {
    ok: false,
    status: 401,
    headers: { 'WWW-Authenticate': error.toHeaderValue(), 'Cache-Control': 'no-store' },
    body: challenge?.error
      ? { error: challenge.error, ...(challenge.error_description ? { error_description: challenge.error_description } : {}) }
      : {},
  };
}
