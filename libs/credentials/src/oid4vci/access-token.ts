import { Oauth2ResourceUnauthorizedError, SupportedAuthenticationScheme } from '@openid4vc/oauth2';
import { toRequestLike, type HttpRequest } from './http-request';
import type { IssuerProtocol } from './issuer-protocol';
import { protocolError, type ProtocolFailure } from './protocol-response';
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

/** A request to an endpoint that requires an access token: the HTTP request and its parsed body. */
export type ProtectedRequest = HttpRequest & { body: unknown };

/** A protected request whose access token is valid, with its body as a JSON object. */
export interface AuthorizedJsonRequest extends AuthorizedRequest {
  body: Record<string, unknown>;
}

/**
 * Builds the request side of an endpoint that requires an access token (credential, deferred, notification):
 * {@link verifyAccessToken} first, then the body. With `nonObjectBody: 'refuse'` a body that is not a JSON
 * object is answered `invalid_credential_request`; with `'read-as-empty'` it reaches `handle` as `{}`, which
 * then reports the members it misses. `extra` arguments are passed through to `handle`.
 */
export function accessTokenProtected<Result, Extra extends unknown[]>(
  nonObjectBody: 'refuse' | 'read-as-empty',
  handle: (protocol: IssuerProtocol, request: AuthorizedJsonRequest, ...extra: Extra) => Promise<Result | ProtocolFailure>,
): (protocol: IssuerProtocol, request: ProtectedRequest, ...extra: Extra) => Promise<Result | ProtocolFailure> {
  return async (protocol, request, ...extra) => {
    const authorized = await verifyAccessToken(protocol, request);
    if (!authorized.ok) return authorized;
    const body = request.body;
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      return handle(protocol, { ...authorized, body: body as Record<string, unknown> }, ...extra);
    }
    if (nonObjectBody === 'refuse') return protocolError('invalid_credential_request', 'The body must be a JSON object');
    return handle(protocol, { ...authorized, body: {} }, ...extra);
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
