import { createHmac, timingSafeEqual } from 'node:crypto';
import { parse as uuidParse, stringify as uuidStringify, validate as uuidValidate } from 'uuid';

/** Credential id, share id, MAC: 16 + 16 + 32 bytes, 86 characters of base64url. */
const ID_BYTES = 16;
const MAC_BYTES = 32;
const TOKEN_BYTES = 2 * ID_BYTES + MAC_BYTES;

/** What a link's token names: the credential and the share (the share stream is the credential's). */
export interface ShareTarget {
  credentialId: string;
  shareId: string;
}

/**
 * The token in a credential's share link, derived instead of stored: the two ids followed by their HMAC-SHA-256
 * under the credential-share key (derived from the master key). The log holds the ids, never the MAC, so nobody
 * rebuilds a link from it; the 256-bit MAC makes a token unguessable; the ids let a token be opened without a
 * lookup table. Rotating the master key voids every link.
 */
export class ShareTokens {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new TypeError('the credential-share key needs at least 32 bytes');
  }

  token(target: ShareTarget): string {
    const ids = Buffer.concat([idBytes(target.credentialId), idBytes(target.shareId)]);
    return Buffer.concat([ids, this.mac(ids)]).toString('base64url');
  }

  /** The credential and share a token was made for, or undefined for anything this issuer did not make. */
  targetOf(token: unknown): ShareTarget | undefined {
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{86}$/.test(token)) return undefined;
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length !== TOKEN_BYTES) return undefined;
    const ids = bytes.subarray(0, 2 * ID_BYTES);
    if (!timingSafeEqual(bytes.subarray(2 * ID_BYTES), this.mac(ids))) return undefined;
    // Canonical form only: a token whose unused trailing bits differ decodes to the same bytes but is not the one made.
    if (bytes.toString('base64url') !== token) return undefined;
    return { credentialId: uuidStringify(ids.subarray(0, ID_BYTES)), shareId: uuidStringify(ids.subarray(ID_BYTES)) };
  }

  private mac(ids: Buffer): Buffer {
    return createHmac('sha256', this.key).update('credential-share\n').update(ids).digest();
  }
}

function idBytes(id: string): Buffer {
  if (!uuidValidate(id)) throw new TypeError(`${id} is not a UUID`);
  return Buffer.from(uuidParse(id));
}
