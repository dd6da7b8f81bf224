import type { RecordedEvent } from '../../envelope';
import { ChangeSignal } from './change-signal';
import { type LogPage, startPollingSubscription } from './polling-subscription';

const at = (position: number) => ({ position, type: 'T' }) as RecordedEvent;

/** A log that grows on demand and records every page read. */
function fakeLog() {
  const events: RecordedEvent[] = [];
  const reads: number[] = [];
  let hidden = 0; // events at the end that readers may not pass yet
  return {
    events,
    reads,
    append: (n: number) => events.push(...Array.from({ length: n }, (_, i) => at(events.length + i + 1))),
    hide: (n: number) => (hidden = n),
    readPage: async (after: number, limit: number): Promise<LogPage> => {
      reads.push(after);
      const visible = events.slice(0, events.length - hidden).filter((e) => e.position > after);
      return { events: visible.slice(0, limit), pending: hidden > 0 && visible.length < limit };
    },
  };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 2));
  if (!condition()) throw new Error('condition not reached');
};

describe('polling subscription', () => {
  it('reads a page only after the previous one was handled, then waits for a change', async () => {
    const log = fakeLog();
    log.append(10);
    const signal = new ChangeSignal();
    const handled: number[] = [];
    let release: () => void = () => undefined;
    let caughtUp = 0;
    const subscription = startPollingSubscription(
      {
        batchSize: 4,
        handler: (e) =>
          e.position === 2
            ? new Promise<void>((r) => {
                release = () => {
                  handled.push(e.position);
                  r();
                };
              })
            : void handled.push(e.position),
        onCaughtUp: () => caughtUp++,
      },
      { readPage: log.readPage, signal, idlePollMs: 60_000, pendingPollMs: 1, defaultBatchSize: 100 },
    );
    await until(() => handled.length === 1);
    expect(log.reads).toEqual([0]); // blocked in the handler: no read ahead
    release();
    await until(() => caughtUp === 1);
    expect(handled).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(log.reads).toEqual([0, 4, 8]);
    log.append(3);
    signal.notify();
    await until(() => handled.length === 13);
    expect(subscription.position).toBe(13);
    await subscription.stop();
    expect(caughtUp).toBe(1);
  });

  it('polls quickly while the head is held back, and delivers nothing past it', async () => {
    const log = fakeLog();
    log.append(5);
    log.hide(2);
    const handled: number[] = [];
    const subscription = startPollingSubscription(
      { handler: (e) => void handled.push(e.position) },
      { readPage: log.readPage, signal: new ChangeSignal(), idlePollMs: 60_000, pendingPollMs: 1, defaultBatchSize: 100 },
    );
    await until(() => log.reads.length > 3);
    expect(handled).toEqual([1, 2, 3]);
    log.hide(0);
    await until(() => handled.length === 5);
    await subscription.stop();
  });

  it('ends on a handler error, through onError or else through done', async () => {
    const log = fakeLog();
    log.append(3);
    const deps = { readPage: log.readPage, signal: new ChangeSignal(), idlePollMs: 60_000, pendingPollMs: 1, defaultBatchSize: 100 };
    const errors: unknown[] = [];
    const reported = startPollingSubscription({ handler: () => Promise.reject(new Error('boom')), onError: (e) => errors.push(e) }, deps);
    await reported.done;
    expect(errors).toEqual([new Error('boom')]);
    const unreported = startPollingSubscription({ handler: () => Promise.reject(new Error('boom')) }, deps);
    await expect(unreported.done).rejects.toThrow('boom');
  });
});
