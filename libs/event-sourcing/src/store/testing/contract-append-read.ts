import { ANY_REVISION, NO_STREAM, STREAM_EXISTS } from '../../expected-revision';
import { isWrongExpectedRevision, WrongExpectedRevisionError } from '../errors/wrong-expected-revision.error';
import { computeEventHash } from '../hash-chain/compute-event-hash';
import { anEvent, expectIncreasing, METADATA, streamOf } from './contract-fixtures';
import type { ContractContext } from './event-store-harness';

export function appendAndReadContract(ctx: ContractContext): void {
  describe('append and read a stream', () => {
    it('stores the full envelope and reads it back', async () => {
      const s = streamOf(ctx.prefix, 'envelope');
      const result = await ctx.store.appendToStream(
        s,
        [
          anEvent('Drafted', { title: 'Data literacy', ects: 5 }),
          anEvent('Approved', { by: ['uni-a'] }, { schemaVersion: 2 }),
          anEvent('Published', { version: 1 }),
        ],
        { expectedRevision: NO_STREAM },
      );
      const events = await ctx.store.readStream(s);
      expect(events.map((e) => [e.revision, e.type, e.streamId])).toEqual([
        [0, 'Drafted', s],
        [1, 'Approved', s],
        [2, 'Published', s],
      ]);
      expect(result).toEqual({ nextRevision: 2, lastPosition: events[2].position });
      expectIncreasing(events.map((e) => e.position));
      expect(events[0].eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(events[0].data).toEqual({ title: 'Data literacy', ects: 5 });
      expect(events.map((e) => e.schemaVersion)).toEqual([1, 2, 1]);
      expect(events[1].metadata).toEqual(METADATA);
      expect(events[0].previousHash).toBeNull();
      expect(events[1].previousHash).toBe(events[0].hash);
      expect(events[2].previousHash).toBe(events[1].hash);
      for (const e of events) expect(computeEventHash(e)).toBe(e.hash);
      expect(await ctx.store.streamRevision(s)).toBe(2);
    });

    it('reads forwards and backwards from a revision, up to a count', async () => {
      const s = streamOf(ctx.prefix, 'ranges');
      await ctx.store.appendToStream(
        s,
        Array.from({ length: 10 }, (_, i) => anEvent('Counted', { i })),
        { expectedRevision: NO_STREAM },
      );
      const revisions = async (o: Parameters<typeof ctx.store.readStream>[1]) => (await ctx.store.readStream(s, o)).map((e) => e.revision);
      expect(await revisions({ fromRevision: 3, maxCount: 4 })).toEqual([3, 4, 5, 6]);
      expect(await revisions({ direction: 'backwards' })).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
      expect(await revisions({ direction: 'backwards', fromRevision: 5, maxCount: 2 })).toEqual([5, 4]);
      expect(await revisions({ fromRevision: 20 })).toEqual([]);
      expect((await ctx.store.readStream(s, { verifyHashes: true })).length).toBe(10);
      expect((await ctx.store.readStream(s, { direction: 'backwards', verifyHashes: true, maxCount: 3 })).length).toBe(3);
    });

    it('reads an unknown stream as empty, at revision -1', async () => {
      const s = streamOf(ctx.prefix, 'never-written');
      expect(await ctx.store.readStream(s)).toEqual([]);
      expect(await ctx.store.readStream(s, { direction: 'backwards' })).toEqual([]);
      expect(await ctx.store.streamRevision(s)).toBe(-1);
    });

    it('rejects a wrong expected revision with its own error and writes nothing', async () => {
      const s = streamOf(ctx.prefix, 'expectations');
      await expect(ctx.store.appendToStream(s, [anEvent('A', {})], { expectedRevision: STREAM_EXISTS })).rejects.toMatchObject({
        name: 'WrongExpectedRevisionError',
        streamId: s,
        expected: STREAM_EXISTS,
        actual: -1,
      });
      await expect(ctx.store.appendToStream(s, [anEvent('A', {})], { expectedRevision: 0 })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      await ctx.store.appendToStream(s, [anEvent('A', {}), anEvent('B', {})], { expectedRevision: NO_STREAM });
      const again = await ctx.store.appendToStream(s, [anEvent('C', {})], { expectedRevision: NO_STREAM }).catch((e: unknown) => e);
      expect(isWrongExpectedRevision(again)).toBe(true);
      expect(again).toMatchObject({ expected: NO_STREAM, actual: 1, code: 'WRONG_EXPECTED_REVISION', status: 409 });
      await expect(ctx.store.appendToStream(s, [anEvent('C', {})], { expectedRevision: 0 })).rejects.toMatchObject({
        expected: 0,
        actual: 1,
      });
      await expect(ctx.store.appendToStream(s, [anEvent('C', {})], { expectedRevision: 5 })).rejects.toMatchObject({
        expected: 5,
        actual: 1,
      });
      expect((await ctx.store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B']);
      await ctx.store.appendToStream(s, [anEvent('C', {})], { expectedRevision: 1 });
      await ctx.store.appendToStream(s, [anEvent('D', {})], { expectedRevision: STREAM_EXISTS });
      await ctx.store.appendToStream(s, [anEvent('E', {})], { expectedRevision: ANY_REVISION });
      await ctx.store.appendToStream(streamOf(ctx.prefix, 'any-new'), [anEvent('A', {})], { expectedRevision: ANY_REVISION });
      expect((await ctx.store.readStream(s, { verifyHashes: true })).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
    });

    it('rejects malformed appends before writing', async () => {
      const s = streamOf(ctx.prefix, 'malformed');
      await expect(
        ctx.store.appendToStream(s, [anEvent('A', {}, { eventId: 'not-a-uuid' })], { expectedRevision: NO_STREAM }),
      ).rejects.toThrow(/UUID/);
      await expect(ctx.store.appendToStream(s, [anEvent('', {})], { expectedRevision: NO_STREAM })).rejects.toThrow(/type/);
      expect(await ctx.store.streamRevision(s)).toBe(-1);
    });
  });
}
