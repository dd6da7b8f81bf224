import { createHmac, timingSafeEqual } from 'node:crypto';

/** Offer ids are UUIDs; the pre-authorized code carries one before its MAC. */
const OFFER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The secrets of a wallet offer, derived from its id with the issuer's offer-code key (HMAC-SHA-256, the key itself
 * derived from the master key) instead of stored: the event log holds no code an auditor could redeem, a lost
 * message can be sent again with the same code, and the learner page can show an open offer's QR code again.
 * Rotating the master key voids open offers.
 */
export class OfferCodes {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new TypeError('the offer-code key needs at least 32 bytes');
  }

  /** The pre-authorized code: `<offerId>.<MAC>`, so the token endpoint finds the offer without a lookup table. */
  preAuthorizedCode(offerId: string): string {
    return `${offerId}.${this.mac('pre-authorized-code', offerId).toString('base64url')}`;
  }

  /** The offer a pre-authorized code was made for, or undefined for a code this issuer did not make. */
  offerOf(preAuthorizedCode: string): string | undefined {
    if (typeof preAuthorizedCode !== 'string' || preAuthorizedCode.length > 200) return undefined;
    const dot = preAuthorizedCode.indexOf('.');
    const offerId = preAuthorizedCode.slice(0, dot);
    if (dot < 0 || !OFFER_ID.test(offerId)) return undefined;
    return sameText(preAuthorizedCode, this.preAuthorizedCode(offerId)) ? offerId : undefined;
  }

  /** The numeric transaction code of `length` digits the learner receives out of band. */
  txCode(offerId: string, length: number): string {
    const mac = this.mac('tx-code', offerId);
    // 16 bytes of MAC as an integer: the modulo bias over 10^8 is below 2^-90.
    const value = BigInt(`0x${mac.subarray(0, 16).toString('hex')}`) % 10n ** BigInt(length);
    return value.toString().padStart(length, '0');
  }

  /** Whether `presented` is the offer's transaction code, in constant time. */
  txCodeMatches(offerId: string, length: number, presented: unknown): boolean {
    return typeof presented === 'string' && sameText(presented, this.txCode(offerId, length));
  }

  private mac(purpose: string, offerId: string): Buffer {
    return createHmac('sha256', this.key).update(`${purpose}\n${offerId}`).digest();
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
