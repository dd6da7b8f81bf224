import { allianceFixture, fakeWeb, registryOf, STATUS_URL } from '../../__fixtures__/alliance-credential.fixture';
import { CredentialVerifier } from '../credential-verifier';

const NOW = () => new Date('2026-03-01T00:00:00Z');

type Entries = 'revocation' | 'revocation-and-suspension';

async function verify(statusEntries: Entries, bits: { revocation?: number; suspension?: number } = {}) {
  const f = await allianceFixture({ statusEntries });
  const lists = {
    [`${STATUS_URL}-revocation`]: await f.purposeList('revocation', bits.revocation ?? 0),
    [`${STATUS_URL}-suspension`]: await f.purposeList('suspension', bits.suspension ?? 0),
  };
  const verifier = new CredentialVerifier({ registry: registryOf(f.A, f.B), statusLists: fakeWeb(lists), clock: NOW });
  const report = await verifier.verify(f.credential);
  return { f, report, check: (id: string) => report.checks.find((c) => c.id === id)! };
}

describe('status entries per purpose (Bitstring Status List REC: revocation, suspension)', () => {
  it('a revocation entry alone: one credentialStatus object, the Open Badges 3.0.3 schema passes, valid while the bit is clear', async () => {
    const { f, report, check } = await verify('revocation');
    expect(Array.isArray(f.credential.credentialStatus)).toBe(false);
    expect(check('schema').outcome).toBe('passed');
    expect(check('status')).toMatchObject({ outcome: 'passed', details: { entries: [{ statusPurpose: 'revocation', status: 0 }] } });
    expect(report.verdict).toBe('valid');
  });

  it('a set revocation bit: invalid, REVOKED', async () => {
    const { report } = await verify('revocation', { revocation: 1 });
    expect(report).toMatchObject({ verdict: 'invalid', failure: { check: 'status', code: 'REVOKED' } });
  });

  it('revocation and suspension entries: a list, which the schema check names as a warning, not a failure; valid while both bits are clear', async () => {
    const { report, check } = await verify('revocation-and-suspension');
    expect(check('schema')).toMatchObject({ outcome: 'warning', problems: [{ code: 'STATUS_ENTRIES_LIST' }] });
    expect(check('status').details).toMatchObject({
      entries: [
        { statusPurpose: 'revocation', status: 0 },
        { statusPurpose: 'suspension', status: 0 },
      ],
    });
    expect(report.verdict).toBe('valid');
  });

  it('a set suspension bit: invalid, SUSPENDED; a set revocation bit wins over it', async () => {
    expect((await verify('revocation-and-suspension', { suspension: 1 })).report).toMatchObject({
      verdict: 'invalid',
      failure: { check: 'status', code: 'SUSPENDED' },
    });
    expect((await verify('revocation-and-suspension', { suspension: 1, revocation: 1 })).report).toMatchObject({
      verdict: 'invalid',
      failure: { check: 'status', code: 'REVOKED' },
    });
  });

  it('a list published for another purpose than the entry names cannot speak for it: could not be checked', async () => {
    const f = await allianceFixture({ statusEntries: 'revocation' });
    const swapped = await f.purposeList('suspension', 0);
    const verifier = new CredentialVerifier({
      registry: registryOf(f.A, f.B),
      statusLists: fakeWeb({ [`${STATUS_URL}-revocation`]: swapped }),
      clock: NOW,
    });
    const report = await verifier.verify(f.credential);
    expect(report.verdict).toBe('indeterminate');
    expect(report.checks.find((c) => c.id === 'status')).toMatchObject({
      outcome: 'could-not-check',
      problems: [{ code: 'STATUS_VERIFICATION_ERROR' }],
    });
  });
});
