/** BSL 1.0 minimum: 131,072 entries, so each credential hides among that many (herd privacy). */
export const STATUS_LIST_LENGTH = 131_072;

/**
 * How a list's bits are laid out.
 * - `purposes`: each index is one credential, published as two 1-bit lists of the same length and index, one
 *   per REC purpose: `revocation` (never cleared) and `suspension` (cleared on reinstatement). Every Bitstring
 *   Status List reader reads them; a credential names the revocation list, and the suspension list too when
 *   the platform issues suspendable credentials.
 * - `message`: lists opened before, one 2-bit `message` entry per credential (high bit revoked, low bit
 *   suspended). Credentials issued with it keep their entries, so those lists stay published as they were.
 */
export type StatusListLayout = 'purposes' | 'message';

/** The purposes a `purposes` list is published under, each as its own BitstringStatusListCredential. */
export type PublishedPurpose = 'revocation' | 'suspension';
export const PUBLISHED_PURPOSES: readonly PublishedPurpose[] = ['revocation', 'suspension'];

/** Width of a legacy `message` entry (its credentials carry its messages). */
export const MESSAGE_STATUS_SIZE = 2;

type Bits = { revoked: boolean; suspended: boolean };

/** The value one credential's bits take in a published list of that purpose (or in a legacy `message` list). */
export function statusValue(bits: Bits, purpose: PublishedPurpose | 'message'): number {
  if (purpose === 'revocation') return bits.revoked ? 1 : 0;
  if (purpose === 'suspension') return bits.suspended ? 1 : 0;
  return (bits.revoked ? 2 : 0) + (bits.suspended ? 1 : 0);
}

/** A list is named after its issuing institution and its sequence number, so finding the current one needs no index. */
export function statusListId(institutionId: string, seq: number): string {
  return `${institutionId}-${seq}`;
}

/** The id a list is published under for one purpose (`<listId>-revocation`); a legacy `message` list keeps its own id. */
export function publishedListId(listId: string, purpose: PublishedPurpose | 'message'): string {
  return purpose === 'message' ? listId : `${listId}-${purpose}`;
}

/** Reads a published id back into the list and purpose; a bare list id is a legacy `message` list. */
export function parsePublishedListId(publishedId: string): { listId: string; purpose: PublishedPurpose | 'message' } {
  for (const purpose of PUBLISHED_PURPOSES) {
    if (publishedId.endsWith(`-${purpose}`)) return { listId: publishedId.slice(0, -(purpose.length + 1)), purpose };
  }
  return { listId: publishedId, purpose: 'message' };
}

/** The purposes a list of this layout is published under. */
export function purposesOf(layout: StatusListLayout): readonly (PublishedPurpose | 'message')[] {
  return layout === 'purposes' ? PUBLISHED_PURPOSES : ['message'];
}
