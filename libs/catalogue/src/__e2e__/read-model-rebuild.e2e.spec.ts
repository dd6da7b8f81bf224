import { proposeAndApprove, registerAlliance } from './alliance.fixture';
import { catalogueForSuite } from './catalogue-suite.fixture';
import { definitionFor } from './eciu.fixture';

describe('catalogue over HTTP: the read model rebuilt from the log is the same', () => {
  const svc = catalogueForSuite();

  // Members, a spec with two approvals and a suspension, written once by whichever case needs them first.
  let written: Promise<{ ids: Record<string, string>; admin: string; specId: string }> | undefined;
  const history = () =>
    (written ??= (async () => {
      const alliance = await registerAlliance(svc);
      const { ids, admin } = alliance;
      const { body: spec } = await svc.http().post('/credential-specs').set('authorization', admin).send(definitionFor(ids));
      await proposeAndApprove(svc, alliance, spec.id, [ids.aau, ids.dcu]);
      await svc.http().post(`/institutions/${ids.ktu}/suspend`).set('authorization', admin).send({ reason: 'membership fee' });
      return { ids, admin, specId: spec.id as string };
    })());

  it('rebuilds from position zero into identical tables and identical answers', async () => {
    const { ids, admin, specId } = await history();
    const spec = { id: specId };

    const read = async () => ({
      institutions: (await svc.http().get('/institutions').query({ limit: 100 }).set('authorization', admin)).body,
      specs: (await svc.http().get('/credential-specs').set('authorization', admin)).body,
      spec: (await svc.http().get(`/credential-specs/${spec.id}`).set('authorization', admin)).body,
      did: (await svc.http().get(`/institutions/${ids.aau}/did.json`)).text,
    });
    const before = await read();

    const verify = await svc.http().post('/admin/read-model/rebuild').set('authorization', admin).send({ mode: 'verify' });
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ mode: 'verify', identical: true });
    expect(verify.body.tables).toHaveLength(5);

    const replace = await svc.http().post('/admin/read-model/rebuild').set('authorization', admin).send({ mode: 'replace' });
    expect(replace.body).toMatchObject({ mode: 'replace', identical: true });
    expect(replace.body.handled).toBeGreaterThan(10);
    const after = await read();
    expect(after).toEqual(before);

    const forbidden = await svc
      .http()
      .post('/admin/read-model/rebuild')
      .set('authorization', `Bearer ${await svc.token('auditor')}`)
      .send({});
    expect(forbidden.status).toBe(403);
  }, 60_000);

  it('records the actor and correlation id of every write in the event metadata', async () => {
    await history();
    const events = [];
    for await (const e of svc.store.readAll()) events.push(e);
    const approval = events.find((e) => e.type === 'CredentialSpecApproved')!;
    expect(approval.metadata.actor).toMatchObject({ role: 'institution-admin', subject: expect.stringMatching(/^admin@/) });
    expect(approval.metadata.actor.institution).toBe((approval.data as { institutionId: string }).institutionId);
    expect(approval.metadata.correlationId).toEqual(expect.any(String));
    expect(
      events.every((e) => e.streamId.startsWith('catalogue.institution-') || e.streamId.startsWith('catalogue.credential-spec-')),
    ).toBe(true);
  });
});
