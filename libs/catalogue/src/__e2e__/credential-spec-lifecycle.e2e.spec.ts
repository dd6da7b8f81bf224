import { type Alliance, proposeAndApprove, registerAlliance } from './alliance.fixture';
import { catalogueForSuite } from './catalogue-suite.fixture';
import { definitionFor } from './eciu.fixture';

describe('catalogue over HTTP: the life of a joint micro-credential', () => {
  const svc = catalogueForSuite();
  let alliance: Alliance;
  beforeAll(async () => {
    alliance = await registerAlliance(svc);
  }, 60_000);

  /** Drafts, proposes, has every awarding body approve, and publishes a definition. */
  const publish = async (overrides: Record<string, unknown>) => {
    const { ids, admin } = alliance;
    const { body } = await svc.http().post('/credential-specs').set('authorization', admin).send(definitionFor(ids, overrides));
    if (!body.id) throw new Error(JSON.stringify(body));
    await proposeAndApprove(svc, alliance, body.id, [ids.aau, ids.dcu, ids.tuhh]);
    const res = await svc.http().post(`/credential-specs/${body.id}/publish`).set('authorization', admin);
    expect(res.status).toBe(200);
    return body.id as string;
  };
  // The two published parts of the stack, published once by whichever case needs them first.
  let parts: Promise<[string, string]> | undefined;
  const publishedParts = () =>
    (parts ??= (async (): Promise<[string, string]> => [
      await publish({ title: 'Energy Modelling Basics' }),
      await publish({ title: 'Smart Grids in Practice' }),
    ])());

  it('drafts, proposes, collects every approval, publishes, versions and retires', async () => {
    const { ids, admin } = alliance;
    const drafted = await svc.http().post('/credential-specs').set('authorization', admin).send(definitionFor(ids));
    expect(drafted.status).toBe(201);
    const id = drafted.body.id;
    expect(drafted.body).toMatchObject({ latestVersion: 1, status: 'draft', current: { version: 1, status: 'draft' } });
    expect(drafted.body.current.definition.awardingBodies[0]).toMatchObject({
      institutionId: ids.aau,
      lead: true,
      name: 'Aalborg University',
      countryCode: 'DK',
    });

    const patched = await svc
      .http()
      .patch(`/credential-specs/${id}`)
      .set('authorization', admin)
      .send({ prerequisites: 'A bachelor degree in engineering' });
    expect(patched.status).toBe(200);
    expect(patched.body.current.definition).toMatchObject({ prerequisites: 'A bachelor degree in engineering', ects: 6 });

    const proposed = await svc.http().post(`/credential-specs/${id}/propose`).set('authorization', admin).send();
    expect(proposed.body).toMatchObject({ status: 'proposed', current: { pendingApprovals: [ids.aau, ids.dcu, ids.tuhh] } });

    for (const inst of [ids.aau, ids.dcu, ids.tuhh]) {
      const approved = await svc
        .http()
        .post(`/credential-specs/${id}/approvals`)
        .set('authorization', await alliance.adminOf(inst))
        .send({ comment: 'study board decision' });
      expect(approved.status).toBe(201);
    }
    const approved = await svc.http().get(`/credential-specs/${id}`).set('authorization', admin);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.current.approvals.map((a: { approvedBy: string }) => a.approvedBy)).toEqual(
      [ids.aau, ids.dcu, ids.tuhh].map((i) => `admin@${i}`),
    );

    const published = await svc.http().post(`/credential-specs/${id}/publish`).set('authorization', admin).send();
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedVersion: 1 });
    expect(published.body.current.published).toMatchObject({
      credentialSpecId: id,
      version: 1,
      awardingBodies: [
        { institutionId: ids.aau, lead: true, countryCode: 'DK', did: expect.stringMatching(/^did:web:/) },
        { countryCode: 'IE' },
        { countryCode: 'DE', region: 'DE-HH' },
      ],
      components: [{ code: 'ENERGY-MODEL', institutionId: ids.aau, ects: 2 }, {}, {}],
      issuanceRule: { allComponentsPassed: true, withinMonths: 12 },
    });

    const v2 = await svc
      .http()
      .post(`/credential-specs/${id}/versions`)
      .set('authorization', admin)
      .send({ title: 'Sustainable Energy Systems (2027 edition)' });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({
      version: 2,
      status: 'draft',
      definition: { title: 'Sustainable Energy Systems (2027 edition)', ects: 6 },
    });
    const v1 = await svc.http().get(`/credential-specs/${id}/versions/1`).set('authorization', admin);
    expect(v1.body).toMatchObject({
      version: 1,
      status: 'published',
      definition: { title: 'Sustainable Energy Systems: Challenge-Based Learning' },
    });

    const retired = await svc.http().post(`/credential-specs/${id}/retire`).set('authorization', admin).send();
    expect(retired.status).toBe(200);
    expect(retired.body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'retired'],
      [2, 'draft'],
    ]);
  });

  it('stacks published definitions into a larger one, checking ECTS and cycles', async () => {
    const { ids, admin } = alliance;
    const [a, b] = await publishedParts();
    const stack = {
      title: 'Energy Transition Certificate',
      ects: 15,
      components: [{ code: 'CAPSTONE', title: 'Capstone project', institutionId: ids.aau, ects: 3 }],
      stackParts: [{ credentialSpecId: a }, { credentialSpecId: b }],
      issuanceRule: { allComponentsPassed: true, allStackPartsAwarded: true },
    };
    const wrong = await svc
      .http()
      .post('/credential-specs')
      .set('authorization', admin)
      .send(definitionFor(ids, { ...stack, ects: 14 }));
    expect(wrong.status).toBe(422);
    expect(JSON.parse(wrong.text).errors).toEqual([expect.objectContaining({ field: 'ects', rule: 'ects.total-mismatch' })]);
    const created = await svc.http().post('/credential-specs').set('authorization', admin).send(definitionFor(ids, stack));
    expect(created.status).toBe(201);
    expect(created.body.current.definition.stackParts).toEqual([
      { credentialSpecId: a, version: 1 },
      { credentialSpecId: b, version: 1 },
    ]);
    const self = await svc
      .http()
      .put(`/credential-specs/${created.body.id}`)
      .set('authorization', admin)
      .send(definitionFor(ids, { ...stack, stackParts: [{ credentialSpecId: created.body.id }] }));
    expect(self.status).toBe(422);
    expect(JSON.parse(self.text).errors[0]).toMatchObject({ field: 'stackParts[0].credentialSpecId', rule: 'stack.cycle' });
  });

  it('lists with filters and pages', async () => {
    const { ids, admin } = alliance;
    // At least four definitions: the two published parts and two drafts of this case's own.
    await publishedParts();
    for (const title of ['Listing draft one', 'Listing draft two'])
      expect((await svc.http().post('/credential-specs').set('authorization', admin).send(definitionFor(ids, { title }))).status).toBe(201);
    const all = await svc
      .http()
      .get('/credential-specs')
      .query({ limit: 2 })
      .set('authorization', `Bearer ${await svc.token('learner')}`);
    expect(all.body).toMatchObject({ limit: 2, offset: 0 });
    expect(all.body.items).toHaveLength(2);
    expect(all.body.total).toBeGreaterThanOrEqual(4);
    const byMember = await svc.http().get('/credential-specs').query({ institutionId: ids.ktu }).set('authorization', admin);
    expect(byMember.body).toMatchObject({ total: 0, items: [] });
    const published = await svc
      .http()
      .get('/credential-specs')
      .query({ status: 'published', q: 'smart grids' })
      .set('authorization', admin);
    expect(published.body.items.map((i: { title: string }) => i.title)).toEqual(['Smart Grids in Practice']);
    const bad = await svc.http().get('/credential-specs').query({ limit: 1000 }).set('authorization', admin);
    expect(bad.status).toBe(400);
  });
});
