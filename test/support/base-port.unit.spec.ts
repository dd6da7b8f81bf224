import { randomBasePort } from './base-port';

describe('randomBasePort', () => {
  it('never gives a base whose six ports include one fetch refuses, in ranges that hold some', () => {
    for (let i = 0; i < 500; i++) {
      for (const [from, slots] of [
        [5000, 100],
        [6000, 100],
        [3400, 200],
      ] as const) {
        const base = randomBasePort(from, slots);
        expect(base).toBeGreaterThanOrEqual(from);
        expect(base).toBeLessThan(from + slots * 10);
        expect((base - from) % 10).toBe(0);
        for (const bad of [3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6669, 6679, 6697])
          expect(bad - base < 0 || bad - base >= 6).toBe(true);
      }
    }
  });
});
