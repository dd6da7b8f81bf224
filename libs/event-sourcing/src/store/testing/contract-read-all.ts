import { NO_STREAM } from '../../expected-revision';
import { anEvent, collect, expectIncreasing, inParallel, streamOf } from './contract-fixtures';
import type { ContractContext } from './event-store-harness';

export function readAllContract(ctx: ContractContext): void {
  describe('read all', () => {
    it('returns events in commit order, from an exclusive position, up to a count', async () => {
      const area = `${ctx.prefix}-order`;
      const streams = [0, 1, 2, 3].map((i) => streamOf(area, `s${i}`));
      const appended: { streamId: string; position: number }[] = [];
      for (let i = 0; i < 20; i++) {
        const s = streams[i % 4];
        const r = await ctx.store.appendToStream(s, [anEvent('Step', { i })], {
          expectedRevision: i < 4 ? NO_STREAM : Math.floor(i / 4) - 1,
        });
        appended.push({ streamId: s, position: r.lastPosition });
      }
      const all = await collect(ctx.store, { streamPrefixes: [area] }, 0, 3);
      expect(all.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(all.map((e) => e.position)).toEqual(appended.map((a) => a.position));
      expectIncreasing(all.map((e) => e.position));
      if (ctx.capabilities.densePositions) {
        expect(all[19].position - all[0].position).toBe(19);
      }
      const tail = await collect(ctx.store, { streamPrefixes: [area] }, all[9].position, 4);
      expect(tail.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 10 }, (_, i) => i + 10));
      const limited: number[] = [];
      for await (const e of ctx.store.readAll({ filter: { streamPrefixes: [area] }, maxCount: 5, batchSize: 2 }))
        limited.push((e.data as { i: number }).i);
      expect(limited).toEqual([0, 1, 2, 3, 4]);
      expect(await ctx.store.headPosition()).toBeGreaterThanOrEqual(all[19].position);
    });

    it('filters by stream prefix and by event type', async () => {
      const area = `${ctx.prefix}-filters`;
      const alpha1 = `${area}.alpha-1`;
      const alpha2 = `${area}.alpha-2`;
      const beta = `${area}.beta-1`;
      await ctx.store.appendToStream(alpha1, [anEvent('Opened', {}), anEvent('Closed', {})], { expectedRevision: NO_STREAM });
      await ctx.store.appendToStream(beta, [anEvent('Opened', {}), anEvent('Renamed', {})], { expectedRevision: NO_STREAM });
      await ctx.store.appendToStream(alpha2, [anEvent('Renamed', {})], { expectedRevision: NO_STREAM });
      const ids = (events: { streamId: string; type: string }[]) => events.map((e) => `${e.streamId.slice(area.length + 1)}:${e.type}`);
      expect(ids(await collect(ctx.store, { streamPrefixes: [`${area}.alpha-`] }))).toEqual([
        'alpha-1:Opened',
        'alpha-1:Closed',
        'alpha-2:Renamed',
      ]);
      expect(ids(await collect(ctx.store, { streamPrefixes: [`${area}.beta-`, `${area}.alpha-2`] }))).toEqual([
        'beta-1:Opened',
        'beta-1:Renamed',
        'alpha-2:Renamed',
      ]);
      expect(ids(await collect(ctx.store, { streamPrefixes: [area], eventTypes: ['Renamed'] }))).toEqual([
        'beta-1:Renamed',
        'alpha-2:Renamed',
      ]);
      expect(ids(await collect(ctx.store, { streamPrefixes: [area], eventTypes: ['Opened', 'Closed'] }))).toEqual([
        'alpha-1:Opened',
        'alpha-1:Closed',
        'beta-1:Opened',
      ]);
      const byType = await collect(ctx.store, { eventTypes: ['Renamed'] });
      expect(byType.filter((e) => e.streamId.startsWith(area)).map((e) => e.streamId)).toEqual([beta, alpha2]);
      expect(byType.every((e) => e.type === 'Renamed')).toBe(true);
    });

    it('holds 2,000 streams and reads each back in order', async () => {
      const area = `${ctx.prefix}-many`;
      const streams = Array.from({ length: 2000 }, (_, i) => `${area}.item-${i}`);
      await inParallel(streams, 16, async (s) => {
        await ctx.store.appendToStream(s, [anEvent('Created', { s }), anEvent('Updated', { s })], { expectedRevision: NO_STREAM });
      });
      const all = await collect(ctx.store, { streamPrefixes: [area] }, 0, 1000);
      expect(all).toHaveLength(4000);
      expectIncreasing(all.map((e) => e.position));
      const seen = new Map<string, number[]>();
      for (const e of all) seen.set(e.streamId, [...(seen.get(e.streamId) ?? []), e.revision]);
      expect(seen.size).toBe(2000);
      for (const revisions of seen.values()) expect(revisions).toEqual([0, 1]);
      for (const s of [streams[0], streams[999], streams[1999]])
        expect((await ctx.store.readStream(s)).map((e) => e.type)).toEqual(['Created', 'Updated']);
    }, 180_000);
  });
}
