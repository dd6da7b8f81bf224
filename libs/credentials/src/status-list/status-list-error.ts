/** The error names of W3C Bitstring Status List 1.0 §3.5 (and §3 for malformed values and ranges). */
export type StatusListErrorCode =
  'STATUS_RETRIEVAL_ERROR' | 'STATUS_VERIFICATION_ERROR' | 'STATUS_LIST_LENGTH_ERROR' | 'RANGE_ERROR' | 'MALFORMED_VALUE_ERROR';

/** A status list failure; `type` is the problem-details URL the specification prescribes. */
export class StatusListError extends Error {
  override readonly name = 'StatusListError';
  readonly type: string;
  constructor(
    readonly code: StatusListErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.type = `https://www.w3.org/ns/credentials/status-list#${code}`;
  }
}
