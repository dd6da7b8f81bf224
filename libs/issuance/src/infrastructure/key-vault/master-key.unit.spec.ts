import { MasterKey } from './master-key';

describe('MasterKey', () => {
  it('derives an offer-code key of 32 bytes, stable per master key and apart from the sealing key', () => {
    const a = MasterKey.fromConfig('a'.repeat(64));
    const again = MasterKey.fromConfig('a'.repeat(64));
    const b = MasterKey.fromConfig('b'.repeat(64));
    expect(a.offerCodeKey()).toHaveLength(32);
    expect(a.offerCodeKey().equals(again.offerCodeKey())).toBe(true);
    expect(a.offerCodeKey().equals(b.offerCodeKey())).toBe(false);
    expect(a.offerCodeKey().equals(a.sealingKey())).toBe(false);
  });

  it('never shows its key when logged', () => {
    const key = MasterKey.fromConfig('c'.repeat(64));
    expect(JSON.stringify({ key })).toBe(`{"key":"MasterKey(${key.id})"}`);
  });
});
