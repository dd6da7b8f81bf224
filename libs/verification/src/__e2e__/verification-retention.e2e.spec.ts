import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { allianceFixture } from '../application/__fixtures__/alliance-credential.fixture';
import { registration } from './catalogue-messages';
import { eventually, startStatusServer, startVerification, type VerificationApp } from './verification-app';

/** Bytes of the service's event store file and its write-ahead log. */
function storeBytes(v: VerificationApp): number {
  const file = join(v.config.DATA_DIR, 'verification', 'events.sqlite');
  return ['', '-wal'].reduce((sum, suffix) => sum + (statSync(file + suffix, { throwIfNoEntry: false })?.size ?? 0), 0);
}

function storedEvents(v: VerificationApp): { type: string; data: string }[] {
  const db = new DatabaseSync(join(v.config.DATA_DIR, 'verification', 'events.sqlite'), { readOnly: true });
  try {
    return db.prepare('select type, data from events order by position').all() as { type: string; data: string }[];
  } finally {
    db.close();
  }
}

const FLUSH_MS = 5000;

describe('anonymous verifications do not grow the store per check', () => {
  let v: VerificationApp;
  let status: Awaited<ReturnType<typeof startStatusServer>>;
  let f: Awaited<ReturnType<typeof allianceFixture>>;
  const verify = async (body: unknown) =>
    (
      await v
        .http()
        .post('/verifications')
        .send(body as object)
        .expect(200)
    ).body as { verdict: string; verificationId: string };

  beforeAll(async () => {
    status = await startStatusServer();
    // Results are not reused here, so that every check runs in full and reaches the tally.
    v = await startVerification({
      VERIFICATION_ISSUANCE_PUBLIC_URL: 'https://issuance.alliance.example',
      VERIFICATION_ISSUANCE_INTERNAL_URL: status.url,
      VERIFICATION_RESULT_CACHE_TTL_MS: '0',
      VERIFICATION_TALLY_FLUSH_MS: String(FLUSH_MS),
    });
    f = await allianceFixture({ cryptosuite: 'eddsa-jcs-2022' });
    status.serve('/status-lists/list-1', await f.statusList(0));
    await v.bus.publish([...registration(f.A), ...registration(f.B)]);
    await eventually(async () => ((await verify(f.credential)).verdict === 'valid' ? true : undefined));
  }, 60_000);
  afterAll(async () => {
    await v?.close();
    await status?.close();
  });

  it('records the first check of the day one by one and counts the next 200 in a bounded number of events', async () => {
    await new Promise((r) => setTimeout(r, 500));
    const before = {
      bytes: storeBytes(v),
      events: storedEvents(v).length,
      published: v.published.length,
      recorded: storedEvents(v).filter((e) => e.type === 'CredentialVerified').length,
    };
    const started = Date.now();
    for (let i = 0; i < 200; i++) expect((await verify(f.credential)).verdict).toBe('valid');
    const flushes = Math.ceil((Date.now() - started) / FLUSH_MS) + 2;
    const tallied = await eventually(async () => {
      const counted = storedEvents(v)
        .filter((e) => e.type === 'VerificationsCounted')
        .flatMap((e) => (JSON.parse(e.data) as { counts: { verdict: string; count: number }[] }).counts)
        .filter((c) => c.verdict === 'valid')
        .reduce((sum, c) => sum + c.count, 0);
      return counted >= 200 ? counted : undefined;
    }, 3 * FLUSH_MS);
    const after = { bytes: storeBytes(v), events: storedEvents(v).length };
    // The day's first valid check was recorded before: all 200 are counted, none recorded.
    expect(tallied).toBe(200);
    expect(storedEvents(v).filter((e) => e.type === 'CredentialVerified')).toHaveLength(before.recorded);
    // One tally event per flush at most, whatever the number of checks; nothing per check, nothing published.
    expect(after.events - before.events).toBeLessThanOrEqual(flushes);
    expect(after.bytes - before.bytes).toBeLessThan(flushes * 16 * 1024);
    expect(v.published.filter((m) => m.type === 'verification.credential.verified').length).toBeLessThanOrEqual(before.published);
  }, 60_000);

  it('still records the first check of a verdict the day has not seen, and publishes it to audit', async () => {
    const published = v.published.length;
    expect((await verify({ ...f.credential, name: 'Forged title' })).verdict).toBe('invalid');
    await eventually(async () => (v.published.length > published ? true : undefined));
    expect(v.published.at(-1)).toMatchObject({ type: 'verification.credential.verified', payload: { verified: false } });
  });
});
