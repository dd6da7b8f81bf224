import type { ControllerDocument } from './controller-document';

/** Why a did:web document could not be resolved, as a stable code. */
export type DidWebResolutionErrorCode =
  | 'INVALID_DID'
  | 'NOT_HTTPS'
  | 'BLOCKED_ADDRESS'
  | 'UNREACHABLE'
  | 'TLS_FAILED'
  | 'TIMEOUT'
  | 'HTTP_STATUS'
  | 'NOT_JSON'
  | 'TOO_LARGE'
  | 'ID_MISMATCH';

export class DidWebResolutionError extends Error {
  override readonly name = 'DidWebResolutionError';

  constructor(
    readonly code: DidWebResolutionErrorCode,
    message: string,
    /** The URL that was (or would have been) fetched. */
    readonly url?: string,
    /** What the network said (system error codes, addresses), for the server's log only; never part of `message`. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

export interface ResolvedDidWebDocument {
  did: string;
  /** Where the document was read (after any redirect). */
  url: string;
  document: ControllerDocument;
  resolvedAt: string;
}

/** Anything that turns a did:web into its document or throws {@link DidWebResolutionError}. */
export interface DidWebDocumentResolver {
  resolve(did: string): Promise<ResolvedDidWebDocument>;
}

/** A fixed phrase for each kind of certificate failure: what the public sees instead of the TLS library's text. */
export function tlsReason(code: string): string {
  if (/SELF_SIGNED/.test(code)) return 'the certificate is self-signed';
  if (/EXPIRED/.test(code)) return 'the certificate has expired';
  if (/NOT_YET_VALID/.test(code)) return 'the certificate is not yet valid';
  if (/ALTNAME|HOST/.test(code)) return 'the certificate is not for this host';
  if (/UNABLE_TO_(VERIFY|GET_ISSUER)|UNTRUSTED|CHAIN/.test(code)) return 'the certificate was not issued by a trusted authority';
  return 'the certificate could not be verified';
}
