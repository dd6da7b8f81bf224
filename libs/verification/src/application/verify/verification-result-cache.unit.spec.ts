import type { Verdict } from '../../domain/report/verdict';
import { VerificationResultCache } from './verification-result-cache';

describe('VerificationResultCache', () => {
  let now = 0;
  let computed = 0;
  const compute = (verdict: Verdict) => async () => ({ verdict, n: ++computed });
  const cache = (ttlMs = 1000) => new VerificationResultCache<{ verdict: Verdict; n: number }>({ ttlMs, maxEntries: 2, now: () => now });
  beforeEach(() => {
    now = 0;
    computed = 0;
  });

  it('reuses the result for the same document within the TTL, and shares one computation among concurrent checks', async () => {
    const c = cache();
    const key = VerificationResultCache.keyOf({ id: 'urn:uuid:a' });
    const [a, b] = await Promise.all([c.get(key, compute('valid')), c.get(key, compute('valid'))]);
    expect([a.n, b.n]).toEqual([1, 1]);
    now = 999;
    expect((await c.get(key, compute('valid'))).n).toBe(1);
    now = 1000;
    expect((await c.get(key, compute('valid'))).n).toBe(2);
  });

  it('lets a result serve the checks waiting for it but no later one when the caller says it is not reusable', async () => {
    const c = cache();
    const notReusable = () => false;
    const [a, b] = await Promise.all([c.get('live', compute('valid'), notReusable), c.get('live', compute('valid'), notReusable)]);
    expect([a.n, b.n]).toEqual([1, 1]);
    expect((await c.get('live', compute('valid'), notReusable)).n).toBe(2);
  });

  it('keys by content: any change is another document', () => {
    expect(VerificationResultCache.keyOf({ id: 'a', name: 'x' })).not.toBe(VerificationResultCache.keyOf({ id: 'a', name: 'y' }));
  });

  it('forgets everything on a registry or status change, and results that were not valid when a credential is issued', async () => {
    const c = cache();
    await c.get('valid', compute('valid'));
    await c.get('pending', compute('indeterminate'));
    c.changed('issued');
    expect((await c.get('valid', compute('valid'))).n).toBe(1);
    expect((await c.get('pending', compute('valid'))).n).toBe(3);
    c.changed('any');
    expect((await c.get('valid', compute('valid'))).n).toBe(4);
  });

  it('never reuses a failed check, holds at most maxEntries, and is off with a TTL of 0', async () => {
    const c = cache();
    await expect(c.get('k', () => Promise.reject(new Error('registry down')))).rejects.toThrow('registry down');
    expect((await c.get('k', compute('valid'))).n).toBe(1);
    await c.get('k2', compute('valid'));
    await c.get('k3', compute('valid'));
    expect(c.size()).toBe(2);
    const off = cache(0);
    await off.get('k', compute('valid'));
    expect((await off.get('k', compute('valid'))).n).toBe(5);
  });
});
