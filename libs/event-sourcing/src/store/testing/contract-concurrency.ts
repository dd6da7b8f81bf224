import { NO_STREAM } from '../../expected-revision';
import { isWrongExpectedRevision } from '../errors/wrong-expected-revision.error';
import { anEvent, inParallel, streamOf } from './contract-fixtures';
import type { ContractContext } from './event-store-harness';

const WRITERS = 8;

export function concurrencyContract(ctx: ContractContext): void {
  describe('concurrent writers', () => {
    it(`lets exactly one of ${WRITERS} writers win each round on one stream`, async () => {
      const s = streamOf(ctx.prefix, 'contended');
      const rounds = 10;
      for (let round = 0; round < rounds; round++) {
        const revision = await ctx.store.streamRevision(s);
        const outcomes = await Promise.allSettled(
          Array.from({ length: WRITERS }, (_, writer) =>
            ctx.store.appendToStream(s, [anEvent('Claimed', { round, writer })], {
              expectedRevision: revision === -1 ? NO_STREAM : revision,
            }),
          ),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.every((o) => isWrongExpectedRevision(o.reason))).toBe(true);
      }
      const events = await ctx.store.readStream(s, { verifyHashes: true });
      expect(events.map((e) => e.revision)).toEqual(Array.from({ length: rounds }, (_, i) => i));
      expect(events.map((e) => (e.data as { round: number }).round)).toEqual(Array.from({ length: rounds }, (_, i) => i));
    }, 60_000);

    it('loses and duplicates nothing when conflicting writers retry', async () => {
      const s = streamOf(ctx.prefix, 'retried');
      const perWriter = 12;
      let conflicts = 0;
      await inParallel(
        Array.from({ length: WRITERS }, (_, w) => w),
        WRITERS,
        async (writer) => {
          for (let seq = 0; seq < perWriter; seq++) {
            for (;;) {
              const revision = await ctx.store.streamRevision(s);
              try {
                await ctx.store.appendToStream(s, [anEvent('Ticked', { writer, seq })], {
                  expectedRevision: revision === -1 ? NO_STREAM : revision,
                });
                break;
              } catch (e) {
                if (!isWrongExpectedRevision(e)) throw e;
                conflicts++;
              }
            }
          }
        },
      );
      const events = await ctx.store.readStream(s, { verifyHashes: true });
      expect(events).toHaveLength(WRITERS * perWriter);
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
      const keys = new Set(events.map((e) => JSON.stringify(e.data)));
      expect(keys.size).toBe(WRITERS * perWriter);
      for (let w = 0; w < WRITERS; w++) {
        const mine = events.filter((e) => (e.data as { writer: number }).writer === w).map((e) => (e.data as { seq: number }).seq);
        expect(mine).toEqual(Array.from({ length: perWriter }, (_, i) => i));
      }
      expect(conflicts).toBeGreaterThanOrEqual(0);
    }, 120_000);
  });
}
