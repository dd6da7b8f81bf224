import { ISSUANCE_AGGREGATES } from './application/issuance-aggregates';

/**
 * How to fold issuance's streams into state, for point-in-time replay by an auditor: each aggregate's own
 * decider. A signer's state names its keys by reference and public key only; sealed private keys never reach a
 * state.
 */
export const ISSUANCE_STREAM_FOLDERS = ISSUANCE_AGGREGATES.foldings;
