import { randomBasePort } from './base-port';

describe('randomBasePort', () => {
  it('never gives a platform a port an engine of the tests listens on, or one fetch() refuses', () => {
    const taken = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const base = randomBasePort(4500, 100);
      for (let offset = 0; offset < 6; offset++) taken.add(base + offset);
    }
    for (const port of [5432, 5060, 5061]) expect(taken.has(port)).toBe(false);
    // Every other base of the range is still used.
    expect(taken.has(5440)).toBe(true);
    const nearKafka = new Set(Array.from({ length: 2000 }, () => randomBasePort(9000, 20)));
    expect([...nearKafka].some((base) => base <= 9093 && base + 5 >= 9092)).toBe(false);
  });
});
