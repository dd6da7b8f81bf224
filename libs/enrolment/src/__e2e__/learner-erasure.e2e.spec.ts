import { verifyChain } from '@alliance/event-sourcing';
import { eventually } from '@alliance/testing';
import { AAU, DCU } from './catalogue-facts.fixture';
import { enrolmentWithRegistrar } from './registrar.fixture';

// A whole service per file, on a machine other test files share.
jest.setTimeout(30_000);

const ada = { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', dateOfBirth: '1995-12-10', walletId: 'did:example:ada' };
const consent = { givenAt: '2026-01-20T09:00:00.000Z', textVersion: 'v3' };

describe('learner erasure over HTTP: personal data gone, audit chain intact', () => {
  const svc = enrolmentWithRegistrar(['spec-energy', 'spec-grid']);
  let auditor: string;
  let learnerId: string;
  let enrolmentIds: string[];
  const enrol = (body: object) => svc.http().post('/enrolments').set('authorization', svc.registrar).send(body);
  const erase = (id: string, auth: string, body: object = { reason: 'request' }) =>
    svc.http().post(`/learners/${id}/erasure`).set('authorization', auth).send(body);
  beforeAll(async () => {
    auditor = await svc.bearer('auditor');
    const a = await enrol({ learner: ada, credentialSpecId: 'spec-energy', institutionId: AAU, consent });
    const b = await enrol({ learnerId: a.body.learnerId, learner: ada, credentialSpecId: 'spec-grid', institutionId: AAU, consent });
    learnerId = a.body.learnerId;
    enrolmentIds = [a.body.enrolmentId, b.body.enrolmentId];
  });

  it('never stores personal fields in clear in the event stream', async () => {
    const events = await svc.runtime.eventStore.readStream(`enrolment.learner-${learnerId}`);
    expect(events.map((e) => e.type)).toEqual(['LearnerEnrolled', 'LearnerEnrolled']);
    expect(JSON.stringify(events)).not.toMatch(/Lovelace|ada@example|1995-12-10|did:example:ada/);
  });

  it('shows the auditor every event with the identity opened while the key exists', async () => {
    const trail = await svc.http().get(`/learners/${learnerId}/audit-trail`).set('authorization', auditor);
    expect(trail.status).toBe(200);
    expect(trail.body).toMatchObject({ erased: false, chain: { verified: true, events: 2 } });
    expect(trail.body.events[0].data.identity).toMatchObject({
      givenName: 'Ada',
      familyName: 'Lovelace',
      email: 'ada@example.org',
      erased: false,
    });
  });

  it('only lets the alliance or an enrolling institution erase; to a stranger the learner does not exist', async () => {
    const byRegistrar = await erase(learnerId, svc.registrar);
    expect(byRegistrar.status).toBe(403);
    const byStranger = await erase(learnerId, await svc.bearer('institution-admin', DCU));
    expect(byStranger.status).toBe(404);
    const unknown = await erase('0190a3c4-0000-7000-8000-0000000000aa', await svc.bearer('alliance-admin'));
    expect(unknown.status).toBe(404);
    const malformed = await erase('nobody', await svc.bearer('alliance-admin'));
    expect(malformed.status).toBe(400);
    const noReason = await erase(learnerId, await svc.bearer('alliance-admin'), {});
    expect(noReason.status).toBe(400);
  });

  it('erases: open enrolments end, the identity reads as erased, events and hashes stay valid', async () => {
    const headBefore = await svc.runtime.eventStore.readStream(`enrolment.learner-${learnerId}`);
    const res = await erase(learnerId, await svc.bearer('institution-admin', AAU), { reason: 'GDPR art. 17 request of 2026-02-01' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ learnerId, erased: true, newlyErased: true, withdrawnEnrolmentIds: enrolmentIds });

    const enrolment = await svc.http().get(`/enrolments/${enrolmentIds[0]}`).set('authorization', svc.registrar);
    expect(enrolment.body).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: 'learner data erased on request',
      learner: { erased: true, givenName: null, familyName: null, email: null, dateOfBirth: null, walletId: null },
    });

    const trail = await svc.http().get(`/learners/${learnerId}/audit-trail`).set('authorization', auditor);
    expect(trail.body).toMatchObject({ erased: true, chain: { verified: true, events: 5 } });
    expect(trail.body.events.map((e: { type: string }) => e.type)).toEqual([
      'LearnerEnrolled',
      'LearnerEnrolled',
      'EnrolmentWithdrawn',
      'EnrolmentWithdrawn',
      'LearnerErased',
    ]);
    const first = trail.body.events[0];
    expect(first.data.identity).toEqual({
      givenName: '[erased]',
      familyName: '[erased]',
      email: '[erased]',
      dateOfBirth: '[erased]',
      walletId: '[erased]',
      erased: true,
    });
    expect(first.data).toMatchObject({ credentialSpecId: 'spec-energy', consent, institutionId: AAU });
    expect(first.hash).toBe(headBefore[0].hash);
    expect(trail.body.events[4]).toMatchObject({
      type: 'LearnerErased',
      actor: { subject: `institution-admin@${AAU}`, role: 'institution-admin' },
      data: { reason: 'GDPR art. 17 request of 2026-02-01' },
    });

    expect(await verifyChain(svc.runtime.eventStore)).toMatchObject({ ok: true });
    expect(JSON.stringify(trail.body)).not.toMatch(/Lovelace|ada@example/);
  });

  it('tells the other contexts, and refuses anything more for the erased learner', async () => {
    // A learner of its own, erased here, so this runs without the case above.
    const grace = { givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.org', dateOfBirth: '1996-12-09' };
    const enrolled = await enrol({ learner: grace, credentialSpecId: 'spec-energy', institutionId: AAU, consent });
    expect(enrolled.status).toBe(201);
    const learnerId: string = enrolled.body.learnerId;
    const erased = await erase(learnerId, await svc.bearer('alliance-admin'));
    expect(erased.body).toMatchObject({ erased: true, newlyErased: true });
    await eventually(() =>
      expect(
        svc.published
          .filter((m) => m.type === 'enrolment.learner.erased' && (m.payload as { learnerId: string }).learnerId === learnerId)
          .map((m) => m.payload),
      ).toEqual([{ learnerId, erasedAt: expect.any(String) }]),
    );
    const again = await erase(learnerId, await svc.bearer('alliance-admin'), { reason: 'again' });
    expect(again.body).toMatchObject({ erased: true, newlyErased: false });
    const reenrol = await enrol({ learnerId, learner: grace, credentialSpecId: 'spec-energy', institutionId: AAU, consent });
    expect(reenrol.status).toBe(410);
    expect(reenrol.body.code).toBe('enrolment.learner-erased');
    const fresh = await enrol({ learner: grace, credentialSpecId: 'spec-energy', institutionId: AAU, consent });
    expect(fresh.status).toBe(201);
    expect(fresh.body.learnerId).not.toBe(learnerId);
  });
});
