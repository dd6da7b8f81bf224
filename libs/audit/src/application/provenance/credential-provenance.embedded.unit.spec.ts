import { IDS, T, worldWithCredentialHistory } from '../../__fixtures__/credential-history.fixture';
import { credentialProvenance } from './credential-provenance';

describe('provenance of an issued, then revoked credential', () => {
  const world = worldWithCredentialHistory();

  it('gathers the definition version and its approvers, the enrolment, results with their registrars, signatures, status and verifications', async () => {
    const p = (await credentialProvenance(world().sources, IDS.credential))!;
    expect(p.summary.definition).toMatchObject({
      specId: IDS.spec,
      version: 1,
      publishedAt: T.published,
      approvals: [
        { institutionId: IDS.instA, approvedBy: 'admin-uni-a', actor: { subject: 'admin-uni-a' } },
        { institutionId: IDS.instB, approvedBy: 'admin-uni-b' },
      ],
    });
    expect(p.summary.enrolment).toEqual({
      enrolmentId: IDS.enrolment,
      enrolledAt: T.enrolled,
      by: expect.objectContaining({ subject: 'registrar-uni-a' }),
    });
    expect(p.summary.results).toEqual([
      expect.objectContaining({
        resultId: 'res-a',
        grade: 'B',
        registrar: expect.objectContaining({ subject: 'registrar-uni-a' }),
        amendments: [],
      }),
      expect.objectContaining({
        resultId: 'res-b',
        grade: 'C',
        amendments: [
          expect.objectContaining({
            amendmentNumber: 1,
            reason: 'marking error',
            grade: 'A',
            registrar: expect.objectContaining({ subject: 'registrar-uni-b' }),
          }),
        ],
      }),
    ]);
    expect(p.summary.signatures.map((s) => [s.institutionId, s.signedAt])).toEqual([
      [IDS.instA, T.signedA],
      [IDS.instB, T.signedB],
    ]);
    expect(p.summary.status.map((s) => [s.change, s.at, s.reason])).toEqual([
      ['issued', T.issued, undefined],
      ['suspended', T.suspended, 'investigation'],
      ['reinstated', T.reinstated, 'cleared'],
      ['revoked', T.revoked, 'academic misconduct'],
    ]);
    expect(p.summary.verifications).toEqual([{ at: T.verified, data: expect.objectContaining({ verified: true }) }]);
  });

  it('orders the timeline causes first, and leaves out what does not concern this credential', async () => {
    const p = (await credentialProvenance(world().sources, IDS.credential))!;
    const steps = p.timeline.map((e) => `${e.store}:${e.type}`);
    expect(steps.indexOf('catalogue:CredentialSpecPublished')).toBeLessThan(steps.indexOf('enrolment:LearnerEnrolled'));
    expect(steps.indexOf('assessment:ResultAmended')).toBeLessThan(steps.indexOf('issuance:AwardGranted'));
    expect(steps.at(-1)).toBe('issuance:CredentialRevoked');
    const times = p.timeline.map((e) => e.occurredAt);
    expect([...times].sort()).toEqual(times);
    // Version 2 of the definition came later and is not what this credential was issued under.
    expect(p.timeline.filter((e) => e.type === 'CredentialSpecPublished')).toHaveLength(1);
    expect(p.timeline.filter((e) => e.step === 'signing-key')).toHaveLength(2);
  });

  it('puts a cause before its effect even when the effect’s clock runs behind', async () => {
    await world().append('issuance.credential-skewed', [
      {
        type: 'CredentialDrafted',
        data: {
          credentialId: 'skewed',
          awardId: 'none',
          specId: 'none',
          specVersion: 1,
          learnerId: 'x',
          awardingBodies: [],
          document: {},
          awardedAt: T.granted,
        },
        at: '2025-06-01T10:00:00.000Z',
      },
    ]);
    const [drafted] = await world().source('issuance').store.readStream('issuance.credential-skewed');
    await world().append('verification.verification-skewed', [
      {
        type: 'CredentialVerified',
        data: { verificationId: 's', credentialId: 'skewed', verified: false },
        at: '2025-06-01T09:59:59.000Z',
        causationId: drafted!.eventId,
      },
    ]);
    const p = (await credentialProvenance(world().sources, 'skewed'))!;
    expect(p.timeline.map((e) => e.type)).toEqual(['CredentialDrafted', 'CredentialVerified']);
  });

  it('knows nothing of a credential no store holds', async () => {
    expect(await credentialProvenance(world().sources, 'unknown')).toBeUndefined();
  });
});
