import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { perSuite, postVerification, startWithStatusLists, untilValid } from './alliance-verification';
import { eventually, type VerificationApp } from './verification-app';

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
  const alliance = perSuite(async () => {
    // Results are not reused here, so that every check runs in full and reaches the tally.
    const started = await startWithStatusLists({
      env: { VERIFICATION_RESULT_CACHE_TTL_MS: '0', VERIFICATION_TALLY_FLUSH_MS: String(FLUSH_MS) },
      fixture: { cryptosuite: 'eddsa-jcs-2022' },
    });
    await untilValid(started.v, started.f.credential);
    return started;
  });
  const verify = (body: unknown) => postVerification<{ verdict: string; verificationId: string }>(alliance.v, body);

  it('records the first check of the day one by one and counts the next 200 in a bounded number of events', async () => {
    await new Promise((r) => setTimeout(r, 500));
    const before = {
      bytes: storeBytes(alliance.v),
      events: storedEvents(alliance.v).length,
      published: alliance.v.published.length,
      recorded: storedEvents(alliance.v).filter((e) => e.type === 'CredentialVerified').length,
    };
    const started = Date.now();
    for (let i = 0; i < 200; i++) expect((await verify(alliance.f.credential)).verdict).toBe('valid');
    const flushes = Math.ceil((Date.now() - started) / FLUSH_MS) + 2;
    const tallied = await eventually(async () => {
      const counted = storedEvents(alliance.v)
        .filter((e) => e.type === 'VerificationsCounted')
        .flatMap((e) => (JSON.parse(e.data) as { counts: { verdict: string; count: number }[] }).counts)
        .filter((c) => c.verdict === 'valid')
        .reduce((sum, c) => sum + c.count, 0);
      return counted >= 200 ? counted : undefined;
    }, 3 * FLUSH_MS);
    const after = { bytes: storeBytes(alliance.v), events: storedEvents(alliance.v).length };
    // The day's first valid check was recorded before: all 200 are counted, none recorded.
    expect(tallied).toBe(200);
    expect(storedEvents(alliance.v).filter((e) => e.type === 'CredentialVerified')).toHaveLength(before.recorded);
    // One tally event per flush at most, whatever the number of checks; nothing per check, nothing published.
    expect(after.events - before.events).toBeLessThanOrEqual(flushes);
    expect(after.bytes - before.bytes).toBeLessThan(flushes * 16 * 1024);
    expect(alliance.v.published.filter((m) => m.type === 'verification.credential.verified').length).toBeLessThanOrEqual(before.published);
  }, 60_000);

  it('still records the first check of a verdict the day has not seen, and publishes it to audit', async () => {
    const published = alliance.v.published.length;
    expect((await verify({ ...alliance.f.credential, name: 'Forged title' })).verdict).toBe('invalid');
    await eventually(async () => (alliance.v.published.length > published ? true : undefined));
    expect(alliance.v.published.at(-1)).toMatchObject({ type: 'verification.credential.verified', payload: { verified: false } });
  });
});
