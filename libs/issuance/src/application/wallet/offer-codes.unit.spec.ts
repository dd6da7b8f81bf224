import { randomBytes, randomUUID } from 'node:crypto';
import { OfferCodes } from './offer-codes';

const codes = new OfferCodes(randomBytes(32));
const other = new OfferCodes(randomBytes(32));

describe('OfferCodes', () => {
  it('finds the offer of a pre-authorized code it made, and of no other', () => {
    const offerId = randomUUID();
    const code = codes.preAuthorizedCode(offerId);
    expect(codes.offerOf(code)).toBe(offerId);
    expect(other.offerOf(code)).toBeUndefined();
    expect(codes.offerOf(`${randomUUID()}.${code.split('.')[1]}`)).toBeUndefined();
    expect(codes.offerOf(code.slice(0, -1))).toBeUndefined();
    for (const junk of ['', '.', 'x.y', `${offerId}`, 'a'.repeat(500)]) expect(codes.offerOf(junk)).toBeUndefined();
  });

  it('derives a stable numeric transaction code of the asked length per offer, compared in constant time', () => {
    const offerId = randomUUID();
    const six = codes.txCode(offerId, 6);
    expect(six).toMatch(/^\d{6}$/);
    expect(codes.txCode(offerId, 6)).toBe(six);
    expect(codes.txCode(offerId, 8)).toMatch(/^\d{8}$/);
    expect(codes.txCodeMatches(offerId, 6, six)).toBe(true);
    expect(codes.txCodeMatches(offerId, 6, String((Number(six) + 1) % 1_000_000).padStart(6, '0'))).toBe(false);
    expect(codes.txCodeMatches(offerId, 6, Number(six))).toBe(false);
    expect(codes.txCodeMatches(offerId, 6, `${six}0`)).toBe(false);
  });

  it('gives different offers different codes, spread over the digits', () => {
    const txCodes = new Set(Array.from({ length: 200 }, () => codes.txCode(randomUUID(), 6)));
    expect(txCodes.size).toBeGreaterThan(195);
    const firstDigits = new Set([...txCodes].map((c) => c[0]));
    expect(firstDigits.size).toBe(10);
  });

  it('refuses a short key', () => {
    expect(() => new OfferCodes(randomBytes(16))).toThrow(/32 bytes/);
  });
});
