/** Runtime settings issuance's handlers need, resolved from configuration (and the listening address). */
export interface IssuanceSettings {
  cryptosuite: 'eddsa-rdfc-2022' | 'eddsa-jcs-2022';
  /** Public base URL of this service; status lists and contexts are named under it. */
  publicUrl(): string;
  /** Public base URL credentials name the platform's JSON-LD contexts under (CONTEXT_BASE_URL); the public URL by default. */
  contextBaseUrl?(): string;
  clock(): Date;
  /** Status entries of new credentials; revocation only unless configured (ISSUANCE_STATUS_ENTRIES). */
  statusEntries?: StatusEntries;
}

/**
 * `revocation`: one `revocation` entry, so `credentialStatus` stays the single object the Open Badges 3.0.3 schema
 * allows; such credentials cannot be suspended. `revocation-and-suspension`: a `suspension` entry too (per the
 * Bitstring Status List REC), which makes `credentialStatus` a list: valid VC 2.0, outside the OB 3.0.3 schema.
 */
export type StatusEntries = 'revocation' | 'revocation-and-suspension';
export const STATUS_ENTRIES: readonly StatusEntries[] = ['revocation', 'revocation-and-suspension'];
