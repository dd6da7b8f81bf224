import { backoffMs } from './backoff';

describe('backoffMs', () => {
  it('doubles from the initial pause and stops growing at the maximum', () => {
    const pauses = [1, 2, 3, 4, 5, 6].map((attempt) => backoffMs({ initialMs: 100, maxMs: 1_000 }, attempt));
    expect(pauses).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('grows by another factor when given one, and never overflows on a very long outage', () => {
    expect(backoffMs({ initialMs: 50, maxMs: 10_000, factor: 3 }, 3)).toBe(450);
    expect(backoffMs({ initialMs: 100, maxMs: 30_000 }, 5_000)).toBe(30_000);
    expect(backoffMs({ initialMs: 100, maxMs: 30_000 }, 0)).toBe(100);
  });

  it('spreads pauses within the jitter around the same growth', () => {
    const pauses = Array.from({ length: 200 }, () => backoffMs({ initialMs: 1_000, maxMs: 60_000, jitter: 0.2 }, 2));
    expect(Math.min(...pauses)).toBeGreaterThanOrEqual(1_600);
    expect(Math.max(...pauses)).toBeLessThanOrEqual(2_400);
    expect(new Set(pauses).size).toBeGreaterThan(10);
  });
});
