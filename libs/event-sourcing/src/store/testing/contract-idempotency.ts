import { NO_STREAM } from '../../expected-revision';
import { isEventIdConflict } from '../errors/event-id-conflict.error';
import { isWrongExpectedRevision } from '../errors/wrong-expected-revision.error';
import { newEventId } from '../event-id';
import { anEvent, collect, streamOf } from './contract-fixtures';
import type { ContractContext } from './event-store-harness';

export function idempotencyContract(ctx: ContractContext): void {
  describe('idempotent appends', () => {
    it('treats re-appending the same event ids as a no-op with the same result', async () => {
      const s = streamOf(ctx.prefix, 'retried-append');
      const first = [newEventId(), newEventId(), newEventId()].map((eventId, i) => anEvent('Recorded', { i }, { eventId }));
      const original = await ctx.store.appendToStream(s, first, { expectedRevision: NO_STREAM });
      expect(await ctx.store.appendToStream(s, first, { expectedRevision: NO_STREAM })).toEqual(original);
      const second = [newEventId(), newEventId()].map((eventId, i) => anEvent('Recorded', { i: i + 3 }, { eventId }));
      const next = await ctx.store.appendToStream(s, second, { expectedRevision: 2 });
      expect(await ctx.store.appendToStream(s, second, { expectedRevision: 2 })).toEqual(next);
      expect(await ctx.store.appendToStream(s, first, { expectedRevision: NO_STREAM })).toEqual(original);
      const stored = await ctx.store.readStream(s);
      expect(stored.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4]);
      expect(stored.map((e) => e.eventId)).toEqual([...first, ...second].map((e) => e.eventId));
      expect(await collect(ctx.store, { streamPrefixes: [s] })).toHaveLength(5);
    });

    it('accepts upper-case ids and returns them in lower case', async () => {
      const s = streamOf(ctx.prefix, 'upper-id');
      const id = newEventId();
      await ctx.store.appendToStream(s, [anEvent('A', {}, { eventId: id.toUpperCase() })], { expectedRevision: NO_STREAM });
      expect(await ctx.store.appendToStream(s, [anEvent('A', {}, { eventId: id })], { expectedRevision: NO_STREAM })).toMatchObject({
        nextRevision: 0,
      });
      expect((await ctx.store.readStream(s))[0].eventId).toBe(id);
    });

    it('rejects a partial overlap and writes nothing', async () => {
      const s = streamOf(ctx.prefix, 'overlap');
      const [a, b, c] = [newEventId(), newEventId(), newEventId()];
      await ctx.store.appendToStream(s, [anEvent('A', {}, { eventId: a }), anEvent('B', {}, { eventId: b })], {
        expectedRevision: NO_STREAM,
      });
      const error = await ctx.store
        .appendToStream(s, [anEvent('B', {}, { eventId: b }), anEvent('C', {}, { eventId: c })], { expectedRevision: 1 })
        .catch((e: unknown) => e);
      expect(isEventIdConflict(error) || isWrongExpectedRevision(error)).toBe(true);
      expect((await ctx.store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B']);
    });

    it('rejects a repeat that states a different expected revision than the original', async () => {
      const s = streamOf(ctx.prefix, 'repeat-other-expectation');
      const a = newEventId();
      await ctx.store.appendToStream(s, [anEvent('A', {}, { eventId: a })], { expectedRevision: NO_STREAM });
      await ctx.store.appendToStream(s, [anEvent('B', {})], { expectedRevision: 0 });
      const error = await ctx.store.appendToStream(s, [anEvent('A', {}, { eventId: a })], { expectedRevision: 0 }).catch((e: unknown) => e);
      expect(isEventIdConflict(error) || isWrongExpectedRevision(error)).toBe(true);
      expect(await ctx.store.streamRevision(s)).toBe(1);
    });

    it('rejects ids already stored in another stream', async () => {
      if (!ctx.capabilities.detectsForeignEventIds) return;
      const s1 = streamOf(ctx.prefix, 'owner');
      const s2 = streamOf(ctx.prefix, 'thief');
      const a = newEventId();
      await ctx.store.appendToStream(s1, [anEvent('A', {}, { eventId: a })], { expectedRevision: NO_STREAM });
      const error = await ctx.store
        .appendToStream(s2, [anEvent('A', {}, { eventId: a })], { expectedRevision: NO_STREAM })
        .catch((e: unknown) => e);
      expect(isEventIdConflict(error)).toBe(true);
      expect(await ctx.store.streamRevision(s2)).toBe(-1);
    });

    it('runs concurrent identical retries to one stored copy', async () => {
      const s = streamOf(ctx.prefix, 'racing-retries');
      const events = [anEvent('A', {}, { eventId: newEventId() }), anEvent('B', {}, { eventId: newEventId() })];
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, () => ctx.store.appendToStream(s, events, { expectedRevision: NO_STREAM })),
      );
      const ok = results.filter(
        (r): r is PromiseFulfilledResult<{ nextRevision: number; lastPosition: number }> => r.status === 'fulfilled',
      );
      expect(ok.length).toBeGreaterThanOrEqual(1);
      for (const r of ok) expect(r.value).toEqual(ok[0].value);
      expect((await ctx.store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B']);
    });
  });
}
