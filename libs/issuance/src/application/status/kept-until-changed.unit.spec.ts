import { KeptUntilChanged } from './kept-until-changed';

/** A build the test finishes when it wants, counting how often it ran. */
function builds() {
  const pending: ((v: string) => void)[] = [];
  let runs = 0;
  const build =
    (keep = true) =>
    () => {
      runs++;
      return new Promise<{ value: string; keep: boolean }>((resolve) => pending.push((value) => resolve({ value, keep })));
    };
  return { build, finish: (value: string) => pending.shift()!(value), runs: () => runs };
}

describe('KeptUntilChanged', () => {
  it('shares one build between concurrent requests and keeps its value until the group changes', async () => {
    const cache = new KeptUntilChanged<string>();
    const b = builds();
    const first = cache.get('L1-revocation', 'L1', b.build());
    const second = cache.get('L1-revocation', 'L1', b.build());
    b.finish('v1');
    expect(await Promise.all([first, second])).toEqual(['v1', 'v1']);
    expect(await cache.get('L1-revocation', 'L1', b.build())).toBe('v1');
    expect(b.runs()).toBe(1);

    cache.changed('L2');
    expect(cache.peek('L1-revocation')).toBe('v1');
    cache.changed('L1');
    expect(cache.peek('L1-revocation')).toBeUndefined();
    const third = cache.get('L1-revocation', 'L1', b.build());
    b.finish('v2');
    expect(await third).toBe('v2');
    expect(b.runs()).toBe(2);
  });

  it('does not keep a build that overlapped a change, and starts a new build for requests after the change', async () => {
    const cache = new KeptUntilChanged<string>();
    const b = builds();
    const before = cache.get('k', 'L1', b.build());
    cache.changed('L1');
    const after = cache.get('k', 'L1', b.build());
    b.finish('old bits');
    b.finish('new bits');
    expect(await before).toBe('old bits');
    expect(await after).toBe('new bits');
    expect(cache.peek('k')).toBe('new bits');
  });

  it('does not keep what the build says not to keep, nor a failed build', async () => {
    const cache = new KeptUntilChanged<string>();
    const b = builds();
    const unsigned = cache.get('k', 'L1', b.build(false));
    b.finish('unsigned');
    expect(await unsigned).toBe('unsigned');
    expect(cache.peek('k')).toBeUndefined();
    await expect(cache.get('k', 'L1', () => Promise.reject(new Error('read failed')))).rejects.toThrow('read failed');
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxEntries values, dropping the oldest', async () => {
    const cache = new KeptUntilChanged<string>(2);
    for (const key of ['a', 'b', 'c']) await cache.get(key, key, async () => ({ value: key, keep: true }));
    expect([cache.peek('a'), cache.peek('b'), cache.peek('c')]).toEqual([undefined, 'b', 'c']);
  });
});
