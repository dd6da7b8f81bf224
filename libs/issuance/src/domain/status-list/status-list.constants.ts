/** BSL 1.0 minimum: 131,072 entries, so each credential hides among that many (herd privacy). */
export const STATUS_LIST_LENGTH = 131_072;

/**
 * One 2-bit entry per credential in one list (purpose `message`): the high bit says revoked, the low bit
 * suspended. One entry keeps `credentialStatus` a single object, as the Open Badges 3.0 schema requires,
 * while still telling revocation and suspension apart.
 */
export const STATUS_SIZE = 2;
export const STATUS_MESSAGES = [
  { status: '0x0', message: 'valid' },
  { status: '0x1', message: 'suspended' },
  { status: '0x2', message: 'revoked' },
  { status: '0x3', message: 'revoked' },
] as const;

export function statusValue(bits: { revoked: boolean; suspended: boolean }): number {
  return (bits.revoked ? 2 : 0) + (bits.suspended ? 1 : 0);
}

/** A list is named after its issuing institution and its sequence number, so finding the current one needs no index. */
export function statusListId(institutionId: string, seq: number): string {
  return `${institutionId}-${seq}`;
}
