/** Runtime settings issuance's handlers need, resolved from configuration (and the listening address). */
export interface IssuanceSettings {
  cryptosuite: 'eddsa-rdfc-2022' | 'eddsa-jcs-2022';
  /** Public base URL of this service; status lists and contexts are named under it. */
  publicUrl(): string;
  clock(): Date;
}
