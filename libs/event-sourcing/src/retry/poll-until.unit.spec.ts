import { pollUntil } from './poll-until';

describe('pollUntil', () => {
  it('answers the first defined value, probing again after each undefined', async () => {
    let probes = 0;
    const value = await pollUntil(() => (++probes === 3 ? 'ready' : undefined), { timeoutMs: 1_000, intervalMs: 1 });
    expect(value).toBe('ready');
    expect(probes).toBe(3);
  });

  it('takes a falsy answer other than undefined as an answer', async () => {
    await expect(pollUntil(async () => 0, { timeoutMs: 100 })).resolves.toBe(0);
  });

  it('throws the given error once the time is up, having told the waiter how long it waited', async () => {
    const waited: number[] = [];
    const failing = pollUntil(async () => undefined, {
      timeoutMs: 60,
      intervalMs: 10,
      timedOut: () => new Error('the read model did not catch up'),
      onWait: (ms) => waited.push(ms),
    });
    await expect(failing).rejects.toThrow('the read model did not catch up');
    expect(waited.length).toBeGreaterThan(1);
    expect(waited.every((ms, i) => i === 0 || ms >= waited[i - 1]!)).toBe(true);
  });
});
