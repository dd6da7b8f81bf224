import { NO_STREAM } from '../../expected-revision';
import { HashChainBrokenError } from '../errors/hash-chain-broken.error';
import { computeEventHash } from '../hash-chain/compute-event-hash';
import { verifyChain } from '../hash-chain/verify-chain';
import { anEvent, streamOf } from './contract-fixtures';
import type { ContractContext } from './event-store-harness';

/** Registered last: tampering breaks the store's chain for good. */
export function hashChainContract(ctx: ContractContext): void {
  describe('hash chain', () => {
    it('verifies every stored event of the run from position zero', async () => {
      const progress: number[] = [];
      const result = await verifyChain(ctx.store, {
        filter: { streamPrefixes: [ctx.prefix] },
        onProgress: (n) => progress.push(n),
        progressEvery: 1000,
      });
      expect(result.ok).toBe(true);
      expect(result.checked).toBeGreaterThan(4000);
      expect(progress.at(-1)).toBe(result.checked);
      expect(progress.length).toBeGreaterThan(1);
    }, 120_000);

    it('names the event whose stored data was altered', async () => {
      if (!ctx.harness.tamper) return;
      const s = streamOf(ctx.prefix, 'tampered');
      await ctx.store.appendToStream(
        s,
        [anEvent('Graded', { grade: 'B' }), anEvent('Graded', { grade: 'C' }), anEvent('Graded', { grade: 'A' })],
        {
          expectedRevision: NO_STREAM,
        },
      );
      const [, victim] = await ctx.store.readStream(s);
      await ctx.harness.tamper(victim.eventId, { grade: 'A+' });
      const result = await verifyChain(ctx.store, { filter: { streamPrefixes: [ctx.prefix] } });
      expect(result).toEqual({
        ok: false,
        checked: expect.any(Number),
        brokenAt: {
          streamId: s,
          revision: 1,
          position: victim.position,
          eventId: victim.eventId,
          expectedHash: computeEventHash({ ...victim, data: { grade: 'A+' } }),
          foundHash: victim.hash,
          reason: 'hash-mismatch',
        },
      });
      await expect(ctx.store.readStream(s, { verifyHashes: true })).rejects.toBeInstanceOf(HashChainBrokenError);
    });
  });
}
