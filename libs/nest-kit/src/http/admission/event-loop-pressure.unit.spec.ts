import { EventLoopPressure, type PressureSample, saturatedWindow } from './event-loop-pressure';

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
      // Block the loop for 200 ms at a time, letting timers run in between, until a window reports it (or 3 s pass).
      const saturatedSeen = () => samples.slice(calm).some((s) => s.saturated && s.delayMs > 60);
      const deadline = Date.now() + 3000;
      while (!saturatedSeen() && Date.now() < deadline) {
        busy(200);
        await new Promise((r) => setTimeout(r, 110));
      }
      expect(saturatedSeen()).toBe(true);
      expect(samples.slice(calm).find((s) => s.saturated)?.utilisation).toBeGreaterThanOrEqual(0.5);
    } finally {
      stop();
    }
  });

  it('counts a window saturated when its delay is long while the loop was busy at least half of it, or when the loop was busy nearly all of it', () => {
    expect(saturatedWindow(120, 0.6, 50)).toBe(true);
    expect(saturatedWindow(120, 0.5, 50)).toBe(true);
    // A delay of a mostly idle loop is the machine's (other processes), not this process's work.
    expect(saturatedWindow(120, 0.3, 50)).toBe(false);
    // Short callbacks back to back keep the delay low and the loop full all the same.
    expect(saturatedWindow(10, 0.95, 50)).toBe(true);
    expect(saturatedWindow(40, 0.7, 50)).toBe(false);
  });

  it('shares one monitor per process and threshold', () => {
    expect(EventLoopPressure.forProcess(50)).toBe(EventLoopPressure.forProcess(50));
    expect(EventLoopPressure.forProcess(50)).not.toBe(EventLoopPressure.forProcess(80));
  });
});
