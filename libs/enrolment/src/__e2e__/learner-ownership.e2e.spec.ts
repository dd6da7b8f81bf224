import { AAU, DCU, facts, publishedSpec } from './catalogue-facts.fixture';
import { type EnrolmentApp, startEnrolment } from './enrolment-app';

// A whole service per file, on a machine other test files share.
jest.setTimeout(30_000);

const ada = { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org' };
const impostor = { givenName: 'Mallory', familyName: 'Anybody', email: 'ADA@example.org' };
const consent = { givenAt: '2026-01-20T09:00:00.000Z', textVersion: 'v3' };
const UNKNOWN = '0190a3c4-0000-7000-8000-0000000000ee';

describe('learner data belongs to the institutions holding the learner', () => {
  let svc: EnrolmentApp;
  let aau: { registrar: string; admin: string };
  let dcu: { registrar: string; admin: string };
  let atAau: { enrolmentId: string; learnerId: string };
  let atDcu: { enrolmentId: string; learnerId: string };
  beforeAll(async () => {
    svc = await startEnrolment();
    aau = { registrar: await svc.bearer('registrar', AAU), admin: await svc.bearer('institution-admin', AAU) };
    dcu = { registrar: await svc.bearer('registrar', DCU), admin: await svc.bearer('institution-admin', DCU) };
    await facts(svc.bus).published(publishedSpec('spec-energy'));
    await facts(svc.bus).published(publishedSpec('spec-grid'));
    const a = await post('/enrolments', aau.registrar, { learner: ada, credentialSpecId: 'spec-energy', institutionId: AAU, consent });
    const d = await post('/enrolments', dcu.registrar, { learner: impostor, credentialSpecId: 'spec-grid', institutionId: DCU, consent });
    expect([a.status, d.status]).toEqual([201, 201]);
    atAau = a.body;
    atDcu = d.body;
  }, 60_000);
  afterAll(() => svc?.close());

  const get = (path: string, auth: string, query: Record<string, string> = {}) =>
    svc.http().get(path).query(query).set('authorization', auth);
  const post = (path: string, auth: string, body: object) => svc.http().post(path).set('authorization', auth).send(body);

  it('an e-mail already known at another institution gives the new institution its own learner, not the other one', () => {
    expect(atDcu.learnerId).not.toBe(atAau.learnerId);
  });

  it("staff read only their institution's enrolments: another's reads exactly like one that does not exist", async () => {
    const theirs = await get(`/enrolments/${atAau.enrolmentId}`, dcu.registrar);
    const none = await get(`/enrolments/${UNKNOWN}`, dcu.registrar);
    expect([theirs.status, none.status]).toEqual([404, 404]);
    expect(theirs.body.code).toBe(none.body.code);
    expect(JSON.stringify(theirs.body)).not.toMatch(/Lovelace/);

    const listed = await get('/enrolments', dcu.admin, { learner: 'ada@example.org' });
    expect(listed.body.items.map((e: { enrolmentId: string }) => e.enrolmentId)).toEqual([atDcu.enrolmentId]);
    expect((await get('/enrolments', dcu.registrar, { institutionId: AAU })).body).toMatchObject({ total: 0, items: [] });
    expect((await get('/enrolments', dcu.registrar, { learner: atAau.learnerId })).body.total).toBe(0);
    const all = await get('/enrolments', dcu.registrar);
    expect(all.body.items.every((e: { institutionId: string }) => e.institutionId === DCU)).toBe(true);
    expect((await get(`/enrolments/${atAau.enrolmentId}`, aau.registrar)).body.learner).toMatchObject(ada);
    expect((await get('/enrolments', await svc.bearer('auditor'), { learner: 'ada@example.org' })).body.total).toBe(2);
  });

  it('another institution can neither enrol, withdraw, transfer nor erase the learner: 404 as for nobody', async () => {
    const enrolById = await post('/enrolments', dcu.registrar, {
      learnerId: atAau.learnerId,
      learner: impostor,
      credentialSpecId: 'spec-grid',
      institutionId: DCU,
      consent,
    });
    expect({ status: enrolById.status, code: enrolById.body.code }).toEqual({ status: 404, code: 'enrolment.learner-not-found' });
    expect((await post(`/enrolments/${atAau.enrolmentId}/withdraw`, dcu.admin, { reason: 'x' })).status).toBe(404);
    expect((await post(`/enrolments/${atAau.enrolmentId}/transfer`, dcu.admin, { reason: 'x' })).status).toBe(404);
    const erase = await post(`/learners/${atAau.learnerId}/erasure`, dcu.admin, { reason: 'x' });
    const eraseNobody = await post(`/learners/${UNKNOWN}/erasure`, dcu.admin, { reason: 'x' });
    expect([erase.status, eraseNobody.status]).toEqual([404, 404]);
    expect(erase.body.code).toBe(eraseNobody.body.code);
    expect((await get(`/enrolments/${atAau.enrolmentId}`, aau.registrar)).body.status).toBe('active');
  });

  it("a learner token cannot tell whether an address is someone's: the same empty page either way", async () => {
    const grace = { givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.org' };
    const enrolled = await post('/enrolments', aau.registrar, {
      learner: grace,
      credentialSpecId: 'spec-energy',
      institutionId: AAU,
      consent,
    });
    expect(enrolled.status).toBe(201);
    const learner = await svc.bearer('learner', undefined, atDcu.learnerId);
    const someoneElse = await get('/enrolments', learner, { learner: 'grace@example.org' });
    const nobody = await get('/enrolments', learner, { learner: 'nobody@example.org' });
    const otherId = await get('/enrolments', learner, { learner: atAau.learnerId });
    expect([someoneElse.status, nobody.status, otherId.status]).toEqual([200, 200, 200]);
    expect(someoneElse.body).toEqual(nobody.body);
    expect(otherId.body.total).toBe(0);
    expect((await get(`/enrolments/${atAau.enrolmentId}`, learner)).status).toBe(404);
    const own = await get('/enrolments', learner);
    expect(own.body.items.map((e: { enrolmentId: string }) => e.enrolmentId)).toEqual([atDcu.enrolmentId]);
  });

  it("links institutions only by the learner's own confirmation; then neither institution alone can erase for the other", async () => {
    const learner = await svc.bearer('learner', undefined, atAau.learnerId);
    expect(
      (
        await post(`/learners/${atAau.learnerId}/authorised-institutions`, await svc.bearer('learner', undefined, atDcu.learnerId), {
          institutionId: DCU,
        })
      ).status,
    ).toBe(404);
    expect((await post(`/learners/${atAau.learnerId}/authorised-institutions`, dcu.admin, { institutionId: DCU })).status).toBe(403);
    const linked = await post(`/learners/${atAau.learnerId}/authorised-institutions`, learner, { institutionId: DCU });
    expect(linked.body).toEqual({ learnerId: atAau.learnerId, institutionId: DCU, newlyAuthorised: true });

    const enrolled = await post('/enrolments', dcu.registrar, {
      learnerId: atAau.learnerId,
      learner: ada,
      credentialSpecId: 'spec-grid',
      institutionId: DCU,
      consent,
    });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.learnerId).toBe(atAau.learnerId);
    // Each institution still reads only its own enrolments of the shared learner.
    expect((await get(`/enrolments/${atAau.enrolmentId}`, dcu.registrar)).status).toBe(404);
    expect((await get(`/enrolments/${enrolled.body.enrolmentId}`, aau.registrar)).status).toBe(404);

    const byAau = await post(`/learners/${atAau.learnerId}/erasure`, aau.admin, { reason: 'asked at AAU' });
    expect({ status: byAau.status, code: byAau.body.code }).toEqual({ status: 409, code: 'enrolment.erasure-shared-learner' });
    expect((await get(`/enrolments/${enrolled.body.enrolmentId}`, dcu.registrar)).body.status).toBe('active');

    const bySelf = await post(`/learners/${atAau.learnerId}/erasure`, learner, { reason: 'my own request' });
    expect(bySelf.status).toBe(200);
    expect(bySelf.body.withdrawnEnrolmentIds.sort()).toEqual([atAau.enrolmentId, enrolled.body.enrolmentId].sort());
    expect((await get(`/enrolments/${atDcu.enrolmentId}`, dcu.registrar)).body.learner).toMatchObject({ erased: false, ...impostor });
  });

  it('the admin of the only institution holding a learner erases them', async () => {
    const res = await post(`/learners/${atDcu.learnerId}/erasure`, dcu.admin, { reason: 'asked at DCU' });
    expect(res.body).toMatchObject({ erased: true, newlyErased: true, withdrawnEnrolmentIds: [atDcu.enrolmentId] });
  });
});
