import { Oauth2ServerErrorResponseError } from '@openid4vc/oauth2';

/** An OAuth 2.0 / OID4VCI error body (RFC 6749 §5.2, OID4VCI §8.3.1.2). */
export interface ProtocolErrorBody {
  error: string;
  error_description?: string;
}

/** What an endpoint answers: the HTTP status, headers and JSON body, for whatever framework mounts it. */
export interface ProtocolResponse<Body> {
  status: number;
  headers: Record<string, string>;
  body: Body;
}

/** A refused request: nothing may be issued or recorded. */
export interface ProtocolFailure extends ProtocolResponse<ProtocolErrorBody | Record<string, never>> {
  ok: false;
}

// Token, nonce and credential responses carry one-time values, so no cache may keep them (§6.2, §7.2, RFC 6749).
export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** A 400 (or `status`) error answer with the spec's error code. */
export function protocolError(error: string, description?: string, status = 400): ProtocolFailure {
  return {
    ok: false,
    status,
    headers: { ...NO_STORE },
    body: { error, ...(description ? { error_description: asciiDescription(description) } : {}) },
  };
}

/**
 * Turns an error the library throws with a ready-made error response into our answer; anything else is a
 * bug or an outage and is rethrown so the service's error handling sees it.
 */
export function fromLibraryError(error: unknown): ProtocolFailure {
  if (error instanceof Oauth2ServerErrorResponseError) {
    const { error: code, error_description } = error.errorResponse;
    return protocolError(code, error_description, error.status);
  }
  throw error;
}

/** `error_description` may only hold printable ASCII without `"` and `\` (RFC 6749 §5.2, OID4VCI §8.3.1.2). */
function asciiDescription(text: string): string {
  return text.replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]+/g, ' ').trim();
}
