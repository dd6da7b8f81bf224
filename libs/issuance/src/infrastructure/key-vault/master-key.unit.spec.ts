import { MasterKey } from './master-key';

describe('MasterKey', () => {
  it('derives keys of 32 bytes, stable per master key, apart from the sealing key and from each other', () => {
    const a = MasterKey.fromConfig('a'.repeat(64));
    const again = MasterKey.fromConfig('a'.repeat(64));
    const b = MasterKey.fromConfig('b'.repeat(64));
    const offers = a.derivedKey('wallet-offer-codes');
    expect(offers).toHaveLength(32);
    expect(offers.equals(again.derivedKey('wallet-offer-codes'))).toBe(true);
    expect(offers.equals(b.derivedKey('wallet-offer-codes'))).toBe(false);
    expect(offers.equals(a.sealingKey())).toBe(false);
    expect(offers.equals(a.derivedKey('oid4vci-nonces'))).toBe(false);
    expect(a.derivedKey('oid4vci-access-tokens').equals(a.derivedKey('oid4vci-nonces'))).toBe(false);
  });

  it('never shows its key when logged', () => {
    const key = MasterKey.fromConfig('c'.repeat(64));
    expect(JSON.stringify({ key })).toBe(`{"key":"MasterKey(${key.id})"}`);
  });
});
