/** BSL 1.0 minimum: 16 KB of bits, so one list gives a credential herd privacy among 131,072 entries. */
export const STATUS_LIST_LENGTH = 131_072;

export const STATUS_PURPOSES = ['revocation', 'suspension'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

/** A list is named after its issuing institution and its sequence number, so finding the current one needs no index. */
export function statusListId(institutionId: string, seq: number): string {
  return `${institutionId}-${seq}`;
}

/** The public id of one purpose of a list: what `GET /status-lists/{id}` serves. */
export function statusListCredentialId(listId: string, purpose: StatusPurpose): string {
  return `${listId}-${purpose}`;
}

/** Splits `<listId>-<purpose>` back into its parts; undefined when it is not such an id. */
export function parseStatusListCredentialId(id: string): { listId: string; purpose: StatusPurpose } | undefined {
  const m = /^(.+)-(revocation|suspension)$/.exec(id);
  return m ? { listId: m[1], purpose: m[2] as StatusPurpose } : undefined;
}
