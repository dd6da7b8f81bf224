import { eventually } from '@alliance/testing';
import { AAU, facts, publishedSpec } from './catalogue-facts.fixture';
import { enrolmentWithRegistrar } from './registrar.fixture';

// A whole service per file, on a machine other test files share.
jest.setTimeout(30_000);

const ada = {
  givenName: 'Ada',
  familyName: 'Lovelace',
  email: 'ada@example.org',
  dateOfBirth: '1995-12-10',
  walletId: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
};
const consent = { givenAt: '2026-01-20T09:00:00.000Z', textVersion: 'issuance-consent-v3' };

describe('enrolment over HTTP: enrol, list, withdraw, transfer, complete', () => {
  const svc = enrolmentWithRegistrar(['spec-energy', 'spec-grid']);

  const enrol = (body: Record<string, unknown>, auth = svc.registrar) =>
    svc.http().post('/enrolments').set('authorization', auth).send(body);
  const act = (enrolmentId: string, action: 'withdraw' | 'transfer', body: object) =>
    svc.http().post(`/enrolments/${enrolmentId}/${action}`).set('authorization', svc.registrar).send(body);

  it('enrols a learner in the current published version, with identity and consent', async () => {
    const res = await enrol({ learner: ada, credentialSpecId: 'spec-energy', institutionId: AAU, consent });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      credentialSpecId: 'spec-energy',
      specVersion: 1,
      institutionId: AAU,
      status: 'active',
      learner: { erased: false, ...ada },
      consent,
      enrolledBy: `registrar@${AAU}`,
    });
    const again = await svc
      .http()
      .get(`/enrolments/${res.body.enrolmentId}`)
      .set('authorization', await svc.bearer('auditor'));
    expect(again.body).toEqual(res.body);
  });

  it('finds the same learner again by email at the same institution, and lists their enrolments', async () => {
    // A learner of its own, enrolled once here, so the case runs alone too.
    const edsger = { givenName: 'Edsger', familyName: 'Dijkstra', email: 'edsger@example.org' };
    expect((await enrol({ learner: edsger, credentialSpecId: 'spec-energy', institutionId: AAU, consent })).status).toBe(201);
    const second = await enrol(
      { learner: { ...edsger, email: 'EDSGER@example.org' }, credentialSpecId: 'spec-grid', institutionId: AAU, consent },
      await svc.bearer('institution-admin', AAU),
    );
    expect(second.status).toBe(201);
    const list = await svc.http().get('/enrolments').query({ learner: 'edsger@example.org' }).set('authorization', svc.registrar);
    expect(list.body.total).toBe(2);
    expect(new Set(list.body.items.map((e: { learnerId: string }) => e.learnerId)).size).toBe(1);
    const filtered = await svc
      .http()
      .get('/enrolments')
      .query({ learner: second.body.learnerId, specId: 'spec-grid', status: 'active' })
      .set('authorization', svc.registrar);
    expect(filtered.body.items.map((e: { enrolmentId: string }) => e.enrolmentId)).toEqual([second.body.enrolmentId]);
  });

  it('publishes the enrolment for the other contexts, with the learner named', async () => {
    const hedy = { givenName: 'Hedy', familyName: 'Lamarr', email: 'hedy@example.org' };
    expect((await enrol({ learner: hedy, credentialSpecId: 'spec-energy', institutionId: AAU, consent })).status).toBe(201);
    const ofHedy = () =>
      svc.published.filter(
        (m) => m.type === 'enrolment.learner.enrolled' && (m.payload as { learner?: { email?: string } }).learner?.email === hedy.email,
      );
    await eventually(() => expect(ofHedy().length).toBeGreaterThanOrEqual(1));
    const enrolled = ofHedy();
    expect(enrolled[0]).toMatchObject({
      version: 1,
      source: 'enrolment',
      payload: { credentialSpecId: 'spec-energy', specVersion: 1, learner: { name: 'Hedy Lamarr', email: 'hedy@example.org' } },
    });
    expect(enrolled[0].key).toBe(enrolled[0].payload && (enrolled[0].payload as { learnerId: string }).learnerId);
  });

  it('withdraws with a reason (idempotently) and then allows a new enrolment', async () => {
    const grace = { givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.org' };
    const first = await enrol({ learner: grace, credentialSpecId: 'spec-energy', institutionId: AAU, consent });
    const withdrawn = await act(first.body.enrolmentId, 'withdraw', { reason: 'moved abroad' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawalReason: 'moved abroad' });
    const repeated = await act(first.body.enrolmentId, 'withdraw', { reason: 'again' });
    expect(repeated.body.withdrawalReason).toBe('moved abroad');
    const back = await enrol({ learner: grace, credentialSpecId: 'spec-energy', institutionId: AAU, consent });
    expect(back.status).toBe(201);
    expect(back.body.learnerId).toBe(first.body.learnerId);
    await eventually(() =>
      expect(
        svc.published.some((m) => m.type === 'enrolment.learner.withdrawn' && (m.payload as { reason: string }).reason === 'moved abroad'),
      ).toBe(true),
    );
  });

  it('transfers explicitly to a newer version, recording who, why and both versions', async () => {
    const alan = await enrol({
      learner: { givenName: 'Alan', familyName: 'Turing', email: 'alan@example.org' },
      credentialSpecId: 'spec-grid',
      institutionId: AAU,
      consent,
    });
    await facts(svc.bus).published(publishedSpec('spec-grid', 2));
    const transferred = await act(alan.body.enrolmentId, 'transfer', { reason: 'syllabus renewed' });
    expect(transferred.status).toBe(200);
    expect(transferred.body).toMatchObject({
      specVersion: 2,
      transfers: [{ fromVersion: 1, toVersion: 2, reason: 'syllabus renewed', by: `registrar@${AAU}` }],
    });
    const again = await act(alan.body.enrolmentId, 'transfer', { reason: 'twice' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('enrolment.transfer-not-newer');
    const stale = await enrol({
      learner: { givenName: 'Kurt', familyName: 'Gödel', email: 'kurt@example.org' },
      credentialSpecId: 'spec-grid',
      specVersion: 1,
      institutionId: AAU,
      consent,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('enrolment.spec-version-superseded');
  });

  it('completes an enrolment when issuance reports the credential, and then checks prerequisites with it', async () => {
    const spec = 'spec-advanced';
    await facts(svc.bus).published(publishedSpec(spec, 1, { prerequisites: 'Holds spec-energy (the basics).' }));
    const barbara = { givenName: 'Barbara', familyName: 'Liskov', email: 'barbara@example.org' };
    const basics = await enrol({ learner: barbara, credentialSpecId: 'spec-energy', institutionId: AAU, consent });
    const refused = await enrol({ learner: barbara, credentialSpecId: spec, institutionId: AAU, consent });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'enrolment.prerequisites-not-met',
      missingCredentialSpecIds: ['spec-energy'],
      errors: [{ field: 'learnerId' }],
    });
    expect(refused.body.detail).toContain('spec-energy');

    await facts(svc.bus).issued(basics.body.learnerId, 'spec-energy', 'urn:uuid:cred-basics');
    const completed = await svc.http().get(`/enrolments/${basics.body.enrolmentId}`).set('authorization', svc.registrar);
    expect(completed.body).toMatchObject({ status: 'completed', credentialId: 'urn:uuid:cred-basics' });
    const accepted = await enrol({ learner: barbara, credentialSpecId: spec, institutionId: AAU, consent });
    expect(accepted.status).toBe(201);
    expect(accepted.body.prerequisitesMet).toEqual([{ credentialSpecId: 'spec-energy', credentialId: 'urn:uuid:cred-basics' }]);
    const withdrawCompleted = await act(basics.body.enrolmentId, 'withdraw', { reason: 'x' });
    expect(withdrawCompleted.status).toBe(409);
  });

  it('serves the routes in its OpenAPI document', async () => {
    const docs = await svc.http().get('/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/enrolments',
        '/enrolments/{id}',
        '/enrolments/{id}/withdraw',
        '/enrolments/{id}/transfer',
        '/learners/{id}/erasure',
        '/learners/{id}/audit-trail',
      ]),
    );
  });
});
