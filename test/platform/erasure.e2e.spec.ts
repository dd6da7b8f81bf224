import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { auditedEvents, type EmbeddedPlatform, startEmbeddedPlatform } from '../support/embedded-platform';
import {
  enrolmentRequest,
  enrolOnceKnown,
  listCredentials,
  type Member,
  recordAllResults,
  setUpJointCredential,
} from '../support/joint-credential';
import { call, eventually, token } from '../support/scenario-http';
import { randomBasePort } from '../support/base-port';

type Credential = Record<string, unknown> & { credentialSubject: Record<string, unknown> };

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

/**
 * On the built platform: a learner with a credential is erased. Afterwards no API, no file under DATA_DIR and
 * no line the platform logged holds their name or email, while the copy of the credential they hold still
 * verifies and the audit log's hash chains still verify. Needs `npm run build` first.
 */
describe('learner erasure on the embedded platform', () => {
  const tag = randomBytes(4).toString('hex');
  const givenName = `Zephyrine${tag}`;
  const familyName = `Quillfeather${tag}`;
  const email = `zq.${tag}@erasure.example`;
  const secrets = [givenName, familyName, email, email.toLowerCase()];
  let p: EmbeddedPlatform;
  let admin: string;
  let members: Member[];
  let learnerId: string;
  let enrolmentId: string;
  let credentialId: string;
  let ownCopy: Credential;

  const mentions = (text: string) => secrets.filter((s) => text.includes(s));
  const get = async (url: string, bearer = admin) => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${bearer}` } });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    p = await startEmbeddedPlatform(randomBasePort(5000, 100), { LOG_LEVEL: 'info' });
    admin = await token('alliance-admin');
    const joint = await setUpJointCredential(p.urls, admin);
    members = joint.members;
    const registrar = await token('registrar', members[0]!.id);
    ({ enrolmentId, learnerId } = await enrolOnceKnown(
      p.urls.enrolment,
      enrolmentRequest({ givenName, familyName, email }, joint.specId, members[0]!.id),
      registrar,
      p.patience,
    ));
    await recordAllResults(p.urls.assessment, enrolmentId, members, p.patience);
    const issued = await eventually(
      async () => (await listCredentials(p.urls.issuance, { learner: learnerId }, admin)).items.find((c) => c.lifecycle === 'issued'),
      'the credential',
      p.patience,
    );
    credentialId = issued.credentialId;
    ownCopy = await call<Credential>('GET', `${p.urls.issuance}/credentials/${credentialId}`, undefined, admin);
  }, 120_000);

  afterAll(() => p?.close(), 30_000);

  it('names the learner before the erasure (the checks below could fail)', async () => {
    expect(JSON.stringify(ownCopy)).toContain(`${givenName} ${familyName}`);
    expect(mentions((await get(`${p.urls.enrolment}/enrolments/${enrolmentId}`)).text)).toContain(email);
    // A lookup by email: the address is in the request, never in the log.
    expect((await get(`${p.urls.enrolment}/enrolments?learner=${encodeURIComponent(email)}`)).text).toContain(enrolmentId);
  });

  describe('after the erasure', () => {
    beforeAll(async () => {
      const erased = await call<{ erased: boolean }>(
        'POST',
        `${p.urls.enrolment}/learners/${learnerId}/erasure`,
        { reason: 'GDPR art. 17 request' },
        admin,
      );
      expect(erased.erased).toBe(true);
      await eventually(
        async () =>
          (await call<{ learnerErased?: boolean }>('GET', `${p.urls.issuance}/credentials/${credentialId}/record`, undefined, admin))
            .learnerErased
            ? true
            : undefined,
        'issuance to erase the learner',
        { ...p.patience, timeoutMs: 40_000 },
      );
    }, 90_000);

    it('no read API returns the name or the email', async () => {
      const auditor = await token('auditor');
      const reads = [
        await get(`${p.urls.enrolment}/enrolments/${enrolmentId}`),
        await get(`${p.urls.enrolment}/enrolments?learner=${learnerId}`),
        await get(`${p.urls.issuance}/credentials/${credentialId}`),
        await get(`${p.urls.issuance}/credentials/${credentialId}/document`),
        await get(`${p.urls.issuance}/credentials/${credentialId}/record`),
        await get(`${p.urls.issuance}/credentials?learner=${learnerId}`),
        await get(`${p.urls.audit}/credentials/${credentialId}/provenance`, auditor),
        await get(
          `${p.urls.audit}/streams/${encodeURIComponent(`issuance.credential-${credentialId}`)}/state?at=${new Date().toISOString()}`,
          auditor,
        ),
        await get(
          `${p.urls.audit}/streams/${encodeURIComponent(`issuance.award-${enrolmentId}`)}/state?at=${new Date().toISOString()}`,
          auditor,
        ),
      ];
      expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200]);
      for (const read of reads) expect(mentions(read.text)).toEqual([]);
      const events = await auditedEvents(p.urls.audit, {});
      expect(events.length).toBeGreaterThan(10);
      expect(mentions(JSON.stringify(events))).toEqual([]);
    });

    it("shows the platform's copy with the personal fields erased and says so", async () => {
      const record = await call<{ learnerErased?: boolean; lifecycle: string }>(
        'GET',
        `${p.urls.issuance}/credentials/${credentialId}/record`,
        undefined,
        admin,
      );
      expect(record).toMatchObject({ learnerErased: true, lifecycle: 'issued' });
      const copy = await call<Credential>('GET', `${p.urls.issuance}/credentials/${credentialId}`, undefined, admin);
      expect(copy.credentialSubject.identifier).toBe('[erased]');
    });

    it("keeps the learner's own copy verifiable", async () => {
      const report = await call<{ verdict: string }>('POST', `${p.urls.verification}/verifications`, ownCopy);
      expect(report.verdict).toBe('valid');
    });

    it("still verifies every store's hash chain", async () => {
      const report = await call<{ ok: boolean }>('POST', `${p.urls.audit}/verifications`, undefined, await token('auditor'));
      expect(report.ok).toBe(true);
    });

    it('leaves the name and the email in no file under DATA_DIR and no line of the log', async () => {
      await p.stop();
      const files = filesUnder(p.dataDir);
      expect(files.length).toBeGreaterThan(5);
      const hits = files.flatMap((file) => {
        const bytes = readFileSync(file);
        return secrets.filter((s) => bytes.includes(Buffer.from(s, 'utf8'))).map((s) => `${file}: ${s}`);
      });
      expect(hits).toEqual([]);
      expect(p.output().length).toBeGreaterThan(0);
      expect(mentions(p.output())).toEqual([]);
    }, 30_000);
  });
});
