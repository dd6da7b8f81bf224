import { nextEventLoopTurn, shareEventLoop } from './event-loop-share';

/** Busy work of about `ms`, without giving the event loop back. */
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('shared event loop turns', () => {
  it('lets a macrotask run in the middle of a loop that would otherwise finish on promises alone', async () => {
    let ranAt: number | undefined;
    setImmediate(() => (ranAt = done));
    let done = 0;
    for (; done < 200; done++) {
      busy(1);
      await shareEventLoop(10);
    }
    // 200 ms of work in 10 ms slices: the immediate ran long before the end.
    expect(ranAt).toBeDefined();
    expect(ranAt!).toBeLessThan(200);
  });

  it('wakes every waiting loop on one turn, so concurrent loops share a slice instead of taking one each', async () => {
    const turns: number[] = [];
    const loop = async (name: number) => {
      for (let i = 0; i < 3; i++) {
        await nextEventLoopTurn();
        turns.push(name);
      }
    };
    await Promise.all([loop(1), loop(2), loop(3)]);
    // Each round wakes all three loops together, in the order they asked.
    expect(turns).toEqual([1, 2, 3, 1, 2, 3, 1, 2, 3]);
  });
});
