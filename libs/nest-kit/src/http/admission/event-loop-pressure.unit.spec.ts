import { EventLoopPressure, type PressureSample } from './event-loop-pressure';

const busy = (ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end);
};

describe('event-loop pressure (the real event loop, blocked on purpose)', () => {
  it('reports a window saturated while the loop is blocked longer than the threshold, and calm when it is not', async () => {
    const samples: PressureSample[] = [];
    const pressure = new EventLoopPressure(60, 100);
    const stop = pressure.subscribe((s) => samples.push(s));
    try {
      // Other test files share the machine, so one calm window may still see jitter: at least one must be calm.
      await new Promise((r) => setTimeout(r, 600));
      const calm = samples.length;
      expect(calm).toBeGreaterThan(0);
      expect(samples.some((s) => !s.saturated)).toBe(true);
      for (let i = 0; i < 6; i++) {
        busy(150);
        await new Promise((r) => setImmediate(r));
      }
      await new Promise((r) => setTimeout(r, 120));
      expect(samples.slice(calm).some((s) => s.saturated && s.delayMs > 60)).toBe(true);
    } finally {
      stop();
    }
  });

  it('shares one monitor per process and threshold', () => {
    expect(EventLoopPressure.forProcess(50)).toBe(EventLoopPressure.forProcess(50));
    expect(EventLoopPressure.forProcess(50)).not.toBe(EventLoopPressure.forProcess(80));
  });
});
