import { randomBytes } from 'node:crypto';
import { NO_STREAM } from '../../expected-revision';
import { UnstorableEventError } from '../errors/unstorable-event.error';
import { verifyChain } from '../hash-chain/verify-chain';
import { anEvent, streamOf } from './contract-fixtures';
import type { ContractContext } from './event-store-harness';

const UNICODE = {
  emoji: '🎓✅👩🏽‍🔬🇪🇺',
  cjk: '微证书 マイクロクレデンシャル 마이크로 자격',
  rtl: 'شهادة مصغرة — תעודה זעירה',
  combining: ['e\u0301', 'n\u0303', 'A\u030A', '\u00C5', 'Z\u0335\u0321\u030D'],
  astral: '𝄞 𐍈 🀄',
  escapes: 'quote " backslash \\ tab \t newline \n',
  'clé-ключ-鍵': 'unicode keys',
};

export function payloadContract(ctx: ContractContext): void {
  describe('payloads', () => {
    it('round-trips a 1 MB payload', async () => {
      const s = streamOf(ctx.prefix, 'large');
      const blob = randomBytes(742_000).toString('base64');
      const data = { blob, length: blob.length };
      expect(JSON.stringify(data).length).toBeGreaterThan(989_000);
      await ctx.store.appendToStream(s, [anEvent('Attached', data)], { expectedRevision: NO_STREAM });
      const [stored] = await ctx.store.readStream(s, { verifyHashes: true });
      expect((stored.data as typeof data).blob === blob).toBe(true);
    }, 60_000);

    it('round-trips unicode exactly (no normalisation) in stream ids, types, data and metadata', async () => {
      const s = streamOf(ctx.prefix, 'ünïcødé-微-שלום-🎓');
      const event = anEvent('Zertifikat-ausgestellt-ü', UNICODE);
      event.metadata = { ...event.metadata, actor: { subject: 'José Ñúñez 李雷 😀', role: 'registrar' } };
      await ctx.store.appendToStream(s, [event], { expectedRevision: NO_STREAM });
      const [stored] = await ctx.store.readStream(s, { verifyHashes: true });
      expect(stored.streamId).toBe(s);
      expect(stored.type).toBe('Zertifikat-ausgestellt-ü');
      expect(stored.data).toEqual(UNICODE);
      expect((stored.data as typeof UNICODE).combining.map((c) => c.length)).toEqual([2, 2, 2, 1, 4]);
      expect(stored.metadata.actor.subject).toBe('José Ñúñez 李雷 😀');
      expect(await verifyChain(ctx.store, { filter: { streamPrefixes: [s] } })).toEqual({ ok: true, checked: 1 });
    });

    it.each([
      ['a NUL in data', { reason: 'a\u0000b' }, undefined, 'data.reason', 'nul'],
      [
        'a NUL deep in an array',
        { rows: [{ ok: 'x' }, { assessor: ['fine', 'Dr\u0000X'] }] },
        undefined,
        'data.rows[1].assessor[1]',
        'nul',
      ],
      ['a lone high surrogate', { legalName: 'Uni \ud800' }, undefined, 'data.legalName', 'lone-surrogate'],
      ['a lone low surrogate', { comment: '\udc00 approved' }, undefined, 'data.comment', 'lone-surrogate'],
      ['a NUL in a member name', { ['k\u0000']: 1 }, undefined, 'data.k\u0000', 'nul'],
      ['a NUL in metadata', { fine: true }, { subject: 'u\u0000' }, 'metadata.actor.subject', 'nul'],
    ])('refuses %s, writing nothing of the append', async (_, data, actor, field, reason) => {
      const s = streamOf(ctx.prefix, 'unstorable');
      const clean = anEvent('Clean', { n: 1 });
      const event = anEvent('Poisoned', data);
      if (actor) event.metadata = { ...event.metadata, actor };
      const refused = ctx.store.appendToStream(s, [clean, event], { expectedRevision: NO_STREAM });
      await expect(refused).rejects.toBeInstanceOf(UnstorableEventError);
      await expect(refused).rejects.toMatchObject({ status: 422, field, details: { reason } });
      expect(await ctx.store.readStream(s)).toEqual([]);
      expect(await ctx.store.streamRevision(s)).toBe(-1);
    });
  });
}
