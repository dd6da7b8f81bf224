import type { RecordedEvent } from '../../envelope';
import { NO_STREAM } from '../../expected-revision';
import { anEvent, streamOf, waitFor } from './contract-fixtures';
import type { ContractContext } from './event-store-harness';

export function subscriptionContract(ctx: ContractContext): void {
  describe('subscriptions', () => {
    it('catches up, then goes live, in order, one event at a time', async () => {
      const area = `${ctx.prefix}-live`;
      const streams = [0, 1, 2].map((i) => streamOf(area, `s${i}`));
      for (let i = 0; i < 30; i++)
        await ctx.store.appendToStream(streams[i % 3], [anEvent('Tick', { i })], {
          expectedRevision: i < 3 ? NO_STREAM : Math.floor(i / 3) - 1,
        });
      const received: RecordedEvent[] = [];
      let inFlight = 0;
      let maxInFlight = 0;
      let seenAtCatchUp = -1;
      const subscription = ctx.store.subscribeToAll({
        filter: { streamPrefixes: [area] },
        batchSize: 7,
        handler: async (e) => {
          maxInFlight = Math.max(maxInFlight, ++inFlight);
          if (received.length % 5 === 0) await new Promise((r) => setTimeout(r, 2));
          received.push(e);
          inFlight--;
        },
        onCaughtUp: () => {
          seenAtCatchUp = received.length;
        },
      });
      await waitFor(() => seenAtCatchUp >= 0, 'catch-up');
      expect(seenAtCatchUp).toBe(30);
      for (let i = 30; i < 50; i++)
        await ctx.store.appendToStream(streams[i % 3], [anEvent('Tick', { i })], { expectedRevision: Math.floor(i / 3) - 1 });
      await waitFor(() => received.length >= 50, 'live events');
      await subscription.stop();
      await subscription.done;
      expect(received.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
      expect(maxInFlight).toBe(1);
      expect(subscription.position).toBe(received[49].position);
    }, 60_000);

    it('resumes from a checkpoint after the store is closed and reopened', async () => {
      const area = `${ctx.prefix}-resume`;
      const s = streamOf(area, 'log');
      await ctx.store.appendToStream(
        s,
        Array.from({ length: 10 }, (_, i) => anEvent('Line', { i })),
        { expectedRevision: NO_STREAM },
      );
      const first: number[] = [];
      const before = ctx.store.subscribeToAll({
        filter: { streamPrefixes: [area] },
        handler: (e) => void first.push((e.data as { i: number }).i),
      });
      await waitFor(() => first.length >= 10, 'first ten');
      await before.stop();
      const checkpoint = before.position;
      await ctx.store.appendToStream(
        s,
        Array.from({ length: 5 }, (_, i) => anEvent('Line', { i: i + 10 })),
        { expectedRevision: 9 },
      );
      await ctx.store.close();
      ctx.store = await ctx.harness.open();
      await ctx.store.appendToStream(
        s,
        Array.from({ length: 5 }, (_, i) => anEvent('Line', { i: i + 15 })),
        { expectedRevision: 14 },
      );
      const after: number[] = [];
      const resumed = ctx.store.subscribeToAll({
        fromPosition: checkpoint,
        filter: { streamPrefixes: [area] },
        handler: (e) => void after.push((e.data as { i: number }).i),
      });
      await waitFor(() => after.length >= 10, 'the rest');
      await new Promise((r) => setTimeout(r, 100));
      await resumed.stop();
      expect(first).toEqual(Array.from({ length: 10 }, (_, i) => i));
      expect(after).toEqual(Array.from({ length: 10 }, (_, i) => i + 10));
    }, 60_000);

    it('stops on a failing handler and reports the error', async () => {
      const area = `${ctx.prefix}-failing`;
      await ctx.store.appendToStream(streamOf(area, 'x'), [anEvent('A', {}), anEvent('B', {})], { expectedRevision: NO_STREAM });
      const errors: unknown[] = [];
      let calls = 0;
      const subscription = ctx.store.subscribeToAll({
        filter: { streamPrefixes: [area] },
        handler: () => {
          calls++;
          throw new Error('projection bug');
        },
        onError: (e) => errors.push(e),
      });
      await subscription.done;
      expect(calls).toBe(1);
      expect(errors).toEqual([new Error('projection bug')]);
    });
  });
}
