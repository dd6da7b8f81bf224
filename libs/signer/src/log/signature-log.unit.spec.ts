import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignatureLog } from './signature-log';

describe("the signer's own log", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'signature-log-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps what was signed across a restart, so the same proof is sent again instead of a second signature', () => {
    const path = join(dir, 'log.jsonl');
    const log = new SignatureLog(path).open();
    log.append({
      type: 'signed',
      credentialId: 'c1',
      documentDigest: 'd1',
      verificationMethod: 'did:web:x#k',
      proof: { proofValue: 'z1' },
      at: '2026-01-01T00:00:00Z',
    });
    log.append({
      type: 'refused',
      credentialId: 'c2',
      documentDigest: 'd2',
      code: 'results.incomplete',
      reason: 'no result',
      at: '2026-01-01T00:00:01Z',
    });
    log.close();
    expect((statSync(path).mode & 0o777).toString(8)).toBe('600');

    const reopened = new SignatureLog(path).open();
    expect(reopened.signedProof('c1')?.proof).toEqual({ proofValue: 'z1' });
    expect(reopened.refusal('c2')?.code).toBe('results.incomplete');
    expect(reopened.isDelivered('c1')).toBe(false);
    reopened.append({ type: 'delivered', credentialId: 'c1', at: '2026-01-01T00:00:02Z' });
    expect(reopened.counts()).toEqual({ signed: 1, refused: 1, delivered: 1 });
    reopened.close();
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('a line torn by a crash at the end is ignored; damage in the middle stops the signer with what to do', () => {
    const path = join(dir, 'log.jsonl');
    writeFileSync(
      path,
      `${JSON.stringify({ type: 'signed', credentialId: 'c1', documentDigest: 'd', verificationMethod: 'v', proof: {}, at: 't' })}\n{"type":"sig`,
    );
    const log = new SignatureLog(path).open();
    expect(log.signedProof('c1')).toBeDefined();
    log.close();

    const damaged = join(dir, 'damaged.jsonl');
    writeFileSync(damaged, `{"broken\n${JSON.stringify({ type: 'delivered', credentialId: 'c1', at: 't' })}\n`);
    expect(() => new SignatureLog(damaged).open()).toThrow(/damaged at line 1; restore it from backup/);
    appendFileSync(damaged, '');
  });
});
