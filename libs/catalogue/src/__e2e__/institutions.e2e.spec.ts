import { type CatalogueApp, eventCount, startCatalogue } from './catalogue-app';
import { ECIU, publicKeyJwk } from './eciu.fixture';

describe('catalogue over HTTP: institutions, keys and DID documents', () => {
  let svc: CatalogueApp;
  let admin: string;
  beforeAll(async () => {
    svc = await startCatalogue();
    admin = `Bearer ${await svc.token('alliance-admin')}`;
  }, 60_000);
  afterAll(() => svc?.close());

  const register = (body: object) => svc.http().post('/institutions').set('authorization', admin).send(body);

  it('registers a member with a platform-hosted did:web and serves its DID document', async () => {
    const res = await register(ECIU.aau);
    expect(res.status).toBe(201);
    const id = res.body.id;
    expect(res.headers.location).toBe(`/institutions/${id}`);
    expect(res.body).toMatchObject({ ...ECIU.aau, status: 'active', did: `did:web:credentials.alliance.example:institutions:${id}`, keys: [] });
    const got = await svc.http().get(`/institutions/${id}`).set('authorization', `Bearer ${await svc.token('registrar', id)}`);
    expect(got.body).toEqual(res.body);
    const doc = await svc.http().get(`/institutions/${id}/did.json`);
    expect(doc.status).toBe(200);
    expect(doc.headers['content-type']).toMatch(/did\+ld\+json/);
    expect(JSON.parse(doc.text)).toMatchObject({ id: res.body.did, verificationMethod: [] });
  });

  it('adds and rotates keys, keeps the history, and answers validity at an instant', async () => {
    const { body: inst } = await register({ ...ECIU.dcu, did: 'did:web:www.dcu.ie' });
    const first = publicKeyJwk();
    const added = await svc.http().post(`/institutions/${inst.id}/keys`).set('authorization', admin).send({ publicKeyJwk: first, custody: 'issuance-service' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ keyId: 'key-1', verificationMethodId: 'did:web:www.dcu.ie#key-1', custody: 'issuance-service', state: 'active' });
    const beforeRotation = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));

    const ownAdmin = `Bearer ${await svc.token('institution-admin', inst.id)}`;
    const rotated = await svc.http().post(`/institutions/${inst.id}/keys/key-1/rotate`).set('authorization', ownAdmin).send({ publicKeyJwk: publicKeyJwk(), reason: 'yearly' });
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({ keyId: 'key-2', state: 'active' });

    const doc = JSON.parse((await svc.http().get(`/institutions/${inst.id}/did.json`)).text);
    expect(doc.verificationMethod.map((m: { id: string }) => m.id)).toEqual(['did:web:www.dcu.ie#key-1', 'did:web:www.dcu.ie#key-2']);
    expect(doc.verificationMethod[0].validUntil).toBeDefined();
    expect(doc.authentication).toEqual(['did:web:www.dcu.ie#key-2']);

    const then = await svc.http().get(`/institutions/${inst.id}/keys/key-1/validity`).query({ at: beforeRotation });
    expect(then.body).toMatchObject({ valid: true, keyId: 'key-1', institutionStatusAt: 'active' });
    const now = await svc.http().get(`/institutions/${inst.id}/keys/key-1/validity`);
    expect(now.body).toMatchObject({ valid: false, reason: 'expired' });
    const vm = await svc.http().get(`/institutions/${inst.id}/keys/${encodeURIComponent('did:web:www.dcu.ie#key-2')}/validity`);
    expect(vm.body).toMatchObject({ valid: true, keyId: 'key-2' });
  });

  it('rotates through POST /institutions/{id}/keys with replacesKeyId, and removes a member without a stated reason', async () => {
    const { body: inst } = await register({ ...ECIU.ktu, name: 'KTU rotation test' });
    await svc.http().post(`/institutions/${inst.id}/keys`).set('authorization', admin).send({ publicKeyJwk: publicKeyJwk() });
    const rotated = await svc.http().post(`/institutions/${inst.id}/keys`).set('authorization', admin).send({ publicKeyJwk: publicKeyJwk(), replacesKeyId: 'key-1' });
    expect(rotated.status).toBe(201);
    const { body: after } = await svc.http().get(`/institutions/${inst.id}/keys`).set('authorization', admin);
    expect(after.map((k: { keyId: string; state: string }) => [k.keyId, k.state])).toEqual([
      ['key-1', 'expired'],
      ['key-2', 'active'],
    ]);
    const removed = await svc.http().post(`/institutions/${inst.id}/remove`).set('authorization', admin).send();
    expect(removed.body).toMatchObject({ status: 'removed', statusHistory: [{ status: 'active' }, { status: 'removed', reason: 'No reason given.' }] });
    const refused = await svc.http().post(`/institutions/${inst.id}/keys`).set('authorization', admin).send({ publicKeyJwk: publicKeyJwk() });
    expect(refused.status).toBe(409);
    expect((await svc.http().get(`/institutions/${inst.id}/did.json`)).status).toBe(200);
  });

  it('suspends and reinstates; a suspended member keys are not valid meanwhile', async () => {
    const { body: inst } = await register(ECIU.tuhh);
    await svc.http().post(`/institutions/${inst.id}/keys`).set('authorization', admin).send({ publicKeyJwk: publicKeyJwk() });
    const suspended = await svc.http().post(`/institutions/${inst.id}/suspend`).set('authorization', admin).send({ reason: 'QA review' });
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
    const during = await svc.http().get(`/institutions/${inst.id}/keys/key-1/validity`);
    expect(during.body).toMatchObject({ valid: false, reason: 'institution-suspended' });
    const reinstated = await svc.http().post(`/institutions/${inst.id}/reinstate`).set('authorization', admin).send();
    expect(reinstated.body.status).toBe('active');
    const list = await svc.http().get('/institutions').query({ countryCode: 'DE' }).set('authorization', admin);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: inst.id, statusHistory: [{ status: 'active' }, { status: 'suspended' }, { status: 'active' }] }] });
  });

  it('rejects bad input with problem+json naming the field, and writes no event', async () => {
    const before = await eventCount(svc.store);
    const cases: [object, number, string][] = [
      [{ ...ECIU.ktu, countryCode: 'XX' }, 422, 'countryCode'],
      [{ ...ECIU.ktu, did: 'did:example:123' }, 422, 'did'],
      [{ ...ECIU.ktu, homepage: 'not a url' }, 422, 'homepage'],
      [{ legalName: 'x', countryCode: 'LT', homepage: 'https://ktu.edu' }, 400, 'name'],
      [{ ...ECIU.aau }, 409, 'name'],
    ];
    for (const [body, status, field] of cases) {
      const res = await register(body);
      expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status, type: expect.stringMatching(/problem\+json/) });
      expect(JSON.parse(res.text).errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const { body: members } = await svc.http().get('/institutions').query({ q: 'hamburg' }).set('authorization', admin);
    const keyCases: [object, number, string][] = [
      [{ publicKeyJwk: { ...publicKeyJwk(), d: 'c2VjcmV0' } }, 422, 'key.publicKeyJwk.d'],
      [{ publicKeyMultibase: 'zNotAKey' }, 422, 'key.publicKeyMultibase'],
      [{}, 422, 'key.publicKeyMultibase'],
    ];
    for (const [body, status, field] of keyCases) {
      const res = await svc.http().post(`/institutions/${members.items[0].id}/keys`).set('authorization', admin).send(body);
      expect(res.status).toBe(status);
      expect(JSON.parse(res.text).errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await eventCount(svc.store)).toBe(before);
  });

  it('enforces roles: only alliance-admin registers; an institution-admin manages only its own keys', async () => {
    const { body: members } = await svc.http().get('/institutions').set('authorization', admin);
    const target = members.items[0].id;
    expect((await svc.http().post('/institutions').set('authorization', `Bearer ${await svc.token('institution-admin', target)}`).send(ECIU.ktu)).status).toBe(403);
    const other = await svc.http().post(`/institutions/${target}/keys`).set('authorization', `Bearer ${await svc.token('institution-admin', 'someone-else')}`).send({ publicKeyJwk: publicKeyJwk() });
    expect(other.status).toBe(403);
    expect((await svc.http().get('/institutions')).status).toBe(401);
    expect((await svc.http().get('/institutions/unknown-id').set('authorization', admin)).status).toBe(404);
  });
});
