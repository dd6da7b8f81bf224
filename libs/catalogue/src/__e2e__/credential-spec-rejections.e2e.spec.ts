import { type Alliance, registerAlliance } from './alliance.fixture';
import { eventCount } from './catalogue-app';
import { catalogueForSuite } from './catalogue-suite.fixture';
import { definitionFor } from './eciu.fixture';

interface Problem {
  type: string;
  status: number;
  code?: string;
  errors?: { field: string; rule?: string }[];
}

describe('catalogue over HTTP: every bad request is a 4xx problem and writes nothing', () => {
  const svc = catalogueForSuite();
  let alliance: Alliance;
  let specId: string;
  beforeAll(async () => {
    alliance = await registerAlliance(svc);
    const { body } = await svc.http().post('/credential-specs').set('authorization', alliance.admin).send(definitionFor(alliance.ids));
    specId = body.id;
  }, 60_000);

  /** Sends the request and checks: status, problem+json, the named field (or rule), and no new event. */
  async function rejected(
    send: () => Promise<{ status: number; text: string; headers: Record<string, string> }>,
    status: number,
    fieldOrRule: string,
  ): Promise<Problem> {
    const before = await eventCount(svc.store);
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(res.text) as Problem;
    const named = [problem.code, problem.type.split('/').pop(), ...(problem.errors ?? []).flatMap((e) => [e.field, e.rule])];
    expect(named).toContain(fieldOrRule);
    expect(await eventCount(svc.store)).toBe(before);
    return problem;
  }
  /** A draft of the case's own, so a case that moves a spec through its lifecycle runs alone too. */
  async function ownDraft(): Promise<string> {
    const drafted = await svc.http().post('/credential-specs').set('authorization', alliance.admin).send(definitionFor(alliance.ids));
    expect(drafted.status).toBe(201);
    return drafted.body.id as string;
  }
  const draft = (overrides: Record<string, unknown>) => () =>
    svc.http().post('/credential-specs').set('authorization', alliance.admin).send(definitionFor(alliance.ids, overrides));

  it.each([
    ['title', 400],
    ['learningOutcomes', 400],
    ['ects', 400],
    ['eqfLevel', 400],
    ['assessmentType', 400],
    ['formOfParticipation', 400],
    ['qualityAssurance', 400],
    ['awardingBodies', 400],
    ['languages', 400],
  ])('names a missing Annex I element: %s', async (field, status) => {
    await rejected(draft({ [field]: undefined }), status, field);
  });

  it.each([
    [{ eqfLevel: 9 }, 'eqfLevel'],
    [{ ects: 0 }, 'ects'],
    [{ ects: 120 }, 'ects'],
    [{ formOfParticipation: 'hybrid' }, 'formOfParticipation'],
    [{ qfEheaCycle: 'first-cycle' }, 'qfEheaCycle'],
    [{ learningOutcomes: [] }, 'learningOutcomes'],
    [{ supervisionAndIdentityVerification: 'webcam' }, 'supervisionAndIdentityVerification'],
    [{ validityMonths: 0 }, 'validityMonths'],
  ])('names an out-of-range element: %j', async (overrides, field) => {
    await rejected(draft(overrides), 422, field);
  });

  it('needs two or more awarding bodies', async () => {
    const { ids } = alliance;
    const one = {
      awardingBodies: [{ institutionId: ids.aau, lead: true }],
      components: [{ code: 'ALL', title: 'Everything', institutionId: ids.aau, ects: 6 }],
    };
    await rejected(draft(one), 422, 'awarding-bodies.too-few');
  });

  it('refuses awarding bodies that are not members and components owned by a non-member', async () => {
    const { ids } = alliance;
    const def = definitionFor(ids);
    await rejected(
      draft({ awardingBodies: [...def.awardingBodies.slice(0, 2), { institutionId: 'not-a-member', lead: false }] }),
      422,
      'awardingBodies[2].institutionId',
    );
    const components = [...def.components.slice(0, 2), { code: 'GRID', title: 'Smart grids', institutionId: ids.ktu, ects: 2 }];
    await rejected(draft({ components }), 422, 'components[2].institutionId');
  });

  it('refuses an ECTS total that does not add up', async () => {
    await rejected(draft({ ects: 7 }), 422, 'ects.total-mismatch');
  });

  it('refuses a stack that contains itself', async () => {
    await rejected(
      () =>
        svc
          .http()
          .put(`/credential-specs/${specId}`)
          .set('authorization', alliance.admin)
          .send(
            definitionFor(alliance.ids, {
              stackParts: [{ credentialSpecId: specId }],
              issuanceRule: { allComponentsPassed: true, allStackPartsAwarded: true },
            }),
          ),
      422,
      'stack.cycle',
    );
  });

  it('guards the approval round: not before the proposal, not twice, not for another institution, not by a non-awarding member', async () => {
    const { ids, admin, adminOf } = alliance;
    const specId = await ownDraft();
    const approve =
      (token: string, body: object = {}) =>
      () =>
        svc.http().post(`/credential-specs/${specId}/approvals`).set('authorization', token).send(body);
    await rejected(approve(await adminOf(ids.aau)), 409, 'catalogue.approval.not-proposed');
    await rejected(
      () => svc.http().post(`/credential-specs/${specId}/publish`).set('authorization', admin).send(),
      409,
      'catalogue.publish.not-approved',
    );
    expect((await svc.http().post(`/credential-specs/${specId}/propose`).set('authorization', admin).send()).status).toBe(200);
    expect((await approve(await adminOf(ids.aau))()).status).toBe(201);
    await rejected(approve(await adminOf(ids.aau)), 409, 'catalogue.approval.duplicate');
    await rejected(approve(await adminOf(ids.aau), { institutionId: ids.dcu }), 403, 'institutionId');
    await rejected(approve(await adminOf(ids.ktu)), 403, 'catalogue.approval.not-an-awarding-body');
    await rejected(approve(admin), 403, 'forbidden');
    const pending = await rejected(
      () => svc.http().post(`/credential-specs/${specId}/publish`).set('authorization', admin).send(),
      409,
      'approvals',
    );
    expect(pending.code).toBe('catalogue.publish.approvals-missing');
  });

  it('never edits a published version', async () => {
    const { ids, admin, adminOf } = alliance;
    const specId = await ownDraft();
    expect((await svc.http().post(`/credential-specs/${specId}/propose`).set('authorization', admin).send()).status).toBe(200);
    for (const inst of [ids.aau, ids.dcu, ids.tuhh])
      await svc
        .http()
        .post(`/credential-specs/${specId}/approvals`)
        .set('authorization', await adminOf(inst))
        .send();
    expect((await svc.http().post(`/credential-specs/${specId}/publish`).set('authorization', admin).send()).status).toBe(200);
    await rejected(
      () => svc.http().patch(`/credential-specs/${specId}`).set('authorization', admin).send({ title: 'Changed after publication' }),
      409,
      'catalogue.credential-spec.published-immutable',
    );
    await rejected(
      () => svc.http().put(`/credential-specs/${specId}`).set('authorization', admin).send(definitionFor(ids)),
      409,
      'catalogue.credential-spec.published-immutable',
    );
    await rejected(
      () => svc.http().post(`/credential-specs/${specId}/publish`).set('authorization', admin).send(),
      409,
      'catalogue.publish.not-approved',
    );
  });

  it('lets only the right roles write', async () => {
    const registrar = `Bearer ${await svc.token('registrar', alliance.ids.aau)}`;
    await rejected(
      () => svc.http().post('/credential-specs').set('authorization', registrar).send(definitionFor(alliance.ids)),
      403,
      'forbidden',
    );
    const auditor = `Bearer ${await svc.token('auditor')}`;
    await rejected(
      () => svc.http().post(`/credential-specs/${specId}/retire`).set('authorization', auditor).send({ reason: 'x' }),
      403,
      'forbidden',
    );
    await rejected(
      () => svc.http().get('/credential-specs/0190a3c4-0000-7000-8000-000000000000').set('authorization', auditor),
      404,
      'catalogue.credential-spec-not-found',
    );
    await rejected(() => svc.http().get('/credential-specs/no-such-spec').set('authorization', auditor), 400, 'id');
  });
});
