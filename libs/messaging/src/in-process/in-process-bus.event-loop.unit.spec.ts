import { testMessages } from '../testing/test-messages';
import { InProcessBus } from './in-process-bus';

/** Busy work of about `ms`, without giving the event loop back (as a handler on the embedded stores does). */
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('in-process bus delivering a backlog', () => {
  it('lets other work of the process run while a group works through thousands of messages', async () => {
    const bus = new InProcessBus({ partitions: 1 });
    let handled = 0;
    let handledWhenTimerRan: number | undefined;
    await bus.subscribe({
      group: 'slow',
      sources: ['demo'],
      handler: async () => {
        busy(0.2);
        handled += 1;
      },
    });
    const messages = testMessages('demo', 2_000, 1);
    const timer = setTimeout(() => (handledWhenTimerRan = handled), 0);
    await bus.publish(messages);
    clearTimeout(timer);
    await bus.close();
    expect(handled).toBe(2_000);
    // About 400 ms of handler work: a timer due at once ran long before the last message, not after it.
    expect(handledWhenTimerRan).toBeDefined();
    expect(handledWhenTimerRan!).toBeLessThan(2_000);
  });
});
