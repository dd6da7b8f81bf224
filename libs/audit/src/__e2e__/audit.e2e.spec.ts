import { verifyInclusion } from '../domain/merkle-tree';
import { openAuditWorld, type AuditWorld } from '../__fixtures__/audit-stores.fixture';
import { credentialStatusProjection } from '../__fixtures__/credentials-projection.fixture';
import { IDS, T, writeCredentialHistory } from '../__fixtures__/credential-history.fixture';
import { type AuditApp, startAudit } from './audit-app';

describe('audit service over HTTP (embedded stores)', () => {
  let world: AuditWorld;
  let audit: AuditApp;
  let auditor: string;

  beforeAll(async () => {
    world = await openAuditWorld();
    await writeCredentialHistory(world);
    audit = await startAudit(world.dir, {
      readModels: () => [
        {
          store: 'issuance',
          projection: credentialStatusProjection,
          readModel: { kind: 'pglite', dataDir: `${world.dir}/issuance/read-model` },
        },
      ],
    });
    auditor = await audit.token('auditor');
  });
  afterAll(async () => {
    await audit.close();
    await world.close();
  });

  const get = (path: string, token = auditor) => audit.http().get(path).set('authorization', `Bearer ${token}`);

  it('lets auditors and alliance admins in, nobody else', async () => {
    await audit.http().get('/events').expect(401);
    await get('/events', await audit.token('registrar', IDS.instA)).expect(403);
    await get('/events', await audit.token('alliance-admin')).expect(200);
  });

  it('pages events by filter, and streams a whole range as NDJSON', async () => {
    const page = await get('/events?limit=2&type=ResultPublished,ResultAmended').expect(200);
    expect(page.body.items.map((i: { event: { type: string } }) => i.event.type)).toEqual(['ResultPublished', 'ResultPublished']);
    const next = await get(`/events?limit=2&type=ResultPublished,ResultAmended&cursor=${page.body.nextCursor}`).expect(200);
    expect(next.body).toEqual({
      items: [expect.objectContaining({ store: 'assessment', event: expect.objectContaining({ type: 'ResultAmended' }) })],
    });
    const ndjson = await get(`/events?stream=issuance.credential-${IDS.credential}`).set('accept', 'application/x-ndjson').expect(200);
    expect(ndjson.headers['content-type']).toMatch(/application\/x-ndjson/);
    expect(
      ndjson.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).event.revision),
    ).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it.each([
    ['/events?limit=5000', 'limit'],
    ['/events?from=last-week', 'from'],
    ['/events?store=payroll', 'store'],
    ['/events?cursor=bm9wZQ', 'cursor'],
    [`/credentials/${IDS.credential}/validity?at=soon`, 'at'],
    ['/streams/catalogue.credential-spec-spec-1/state', 'at'],
  ])('answers %s with a 400 problem naming %s', async (path, field) => {
    const res = await get(path).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('tells the provenance of the revoked credential, and its validity on a date', async () => {
    const p = await get(`/credentials/${IDS.credential}/provenance`).expect(200);
    expect(p.body.summary.status.map((s: { change: string }) => s.change)).toEqual(['issued', 'suspended', 'reinstated', 'revoked']);
    expect(p.body.summary.definition.approvals).toHaveLength(2);
    const suspended = await get(`/credentials/${IDS.credential}/validity?at=2025-03-05`).expect(200);
    expect(suspended.body).toMatchObject({ at: '2025-03-05T23:59:59.999Z', valid: false, status: 'suspended' });
    await get('/credentials/nobody/provenance').expect(404);
  });

  it('replays a definition to before and after its version change', async () => {
    const before = await get(`/streams/catalogue.credential-spec-${IDS.spec}/state?at=2025-03-31`).expect(200);
    const after = await get(`/streams/catalogue.credential-spec-${IDS.spec}/state?at=${T.version2}`).expect(200);
    expect([before.body.revision, after.body.revision]).toEqual([4, 6]);
    await get(`/streams/payroll.thing-1/state?at=${T.version2}`).expect(404);
  });

  it('checkpoints, verifies, proves inclusion, then names a tampered row', async () => {
    const admin = await audit.token('alliance-admin');
    await audit.http().post('/checkpoints').set('authorization', `Bearer ${auditor}`).expect(403);
    const made = await audit.http().post('/checkpoints').set('authorization', `Bearer ${admin}`).expect(201);
    expect(made.body.checkpoints).toHaveLength(5);
    const ok = await audit.http().post('/verifications').set('authorization', `Bearer ${auditor}`).expect(200);
    expect(ok.body.ok).toBe(true);

    const key = await audit.http().get('/audit-key').expect(200);
    expect(key.body).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    const proof = await get('/inclusion-proofs?store=issuance&position=3').expect(200);
    expect(
      verifyInclusion(
        proof.body.event.hash,
        proof.body.leafIndex,
        proof.body.checkpoint.treeSize,
        proof.body.proof,
        proof.body.checkpoint.merkleRoot,
      ),
    ).toBe(true);

    world.tamper('assessment', 3, { resultId: 'res-b', grade: 'A+' });
    const broken = await audit.http().post('/verifications').set('authorization', `Bearer ${auditor}`).expect(200);
    expect(broken.body.ok).toBe(false);
    expect(broken.body.stores.find((s: { store: string }) => s.store === 'assessment')).toMatchObject({
      ok: false,
      finding: {
        kind: 'broken-link',
        streamId: `assessment.transcript-${IDS.enrolment}`,
        revision: 2,
        position: 3,
        reason: 'hash-mismatch',
      },
    });
  });

  it('lists registered read models and refuses to open an embedded one the service holds', async () => {
    const list = await get('/read-models').expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ projection: 'fixture.credential-status', database: 'pglite' })]);
    const res = await audit
      .http()
      .post('/read-model-replays')
      .set('authorization', `Bearer ${auditor}`)
      .send({ projection: 'fixture.credential-status' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'audit.read-model-embedded' });
    await audit.http().post('/read-model-replays').set('authorization', `Bearer ${auditor}`).send({ projection: 'nope' }).expect(404);
    await audit.http().post('/read-model-replays').set('authorization', `Bearer ${auditor}`).send({}).expect(400);
  });
});
