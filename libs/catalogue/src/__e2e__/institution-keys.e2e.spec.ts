import { catalogueWithAdmin } from './admin-session.fixture';
import { ECIU, publicKeyJwk } from './eciu.fixture';

describe('catalogue over HTTP: signing keys, rotation, validity at an instant, suspension', () => {
  const svc = catalogueWithAdmin();

  it('adds and rotates keys, keeps the history, and answers validity at an instant', async () => {
    const { body: inst } = await svc.register({ ...ECIU.dcu, did: 'did:web:www.dcu.ie' });
    const first = publicKeyJwk();
    const added = await svc.http().post(`/institutions/${inst.id}/keys`).set('authorization', svc.admin).send({ publicKeyJwk: first, custody: 'issuance-service' });
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
    const { body: inst } = await svc.register({ ...ECIU.ktu, name: 'KTU rotation test' });
    await svc.http().post(`/institutions/${inst.id}/keys`).set('authorization', svc.admin).send({ publicKeyJwk: publicKeyJwk() });
    const rotated = await svc.http().post(`/institutions/${inst.id}/keys`).set('authorization', svc.admin).send({ publicKeyJwk: publicKeyJwk(), replacesKeyId: 'key-1' });
    expect(rotated.status).toBe(201);
    const { body: after } = await svc.http().get(`/institutions/${inst.id}/keys`).set('authorization', svc.admin);
    expect(after.map((k: { keyId: string; state: string }) => [k.keyId, k.state])).toEqual([
      ['key-1', 'expired'],
      ['key-2', 'active'],
    ]);
    const removed = await svc.http().post(`/institutions/${inst.id}/remove`).set('authorization', svc.admin).send();
    expect(removed.body).toMatchObject({ status: 'removed', statusHistory: [{ status: 'active' }, { status: 'removed', reason: 'No reason given.' }] });
    const refused = await svc.http().post(`/institutions/${inst.id}/keys`).set('authorization', svc.admin).send({ publicKeyJwk: publicKeyJwk() });
    expect(refused.status).toBe(409);
    expect((await svc.http().get(`/institutions/${inst.id}/did.json`)).status).toBe(200);
  });

  it('suspends and reinstates; a suspended member keys are not valid meanwhile', async () => {
    const { body: inst } = await svc.register(ECIU.tuhh);
    await svc.http().post(`/institutions/${inst.id}/keys`).set('authorization', svc.admin).send({ publicKeyJwk: publicKeyJwk() });
    const suspended = await svc.http().post(`/institutions/${inst.id}/suspend`).set('authorization', svc.admin).send({ reason: 'QA review' });
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
    const during = await svc.http().get(`/institutions/${inst.id}/keys/key-1/validity`);
    expect(during.body).toMatchObject({ valid: false, reason: 'institution-suspended' });
    const reinstated = await svc.http().post(`/institutions/${inst.id}/reinstate`).set('authorization', svc.admin).send();
    expect(reinstated.body.status).toBe('active');
    const list = await svc.http().get('/institutions').query({ countryCode: 'DE' }).set('authorization', svc.admin);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: inst.id, statusHistory: [{ status: 'active' }, { status: 'suspended' }, { status: 'active' }] }] });
  });
});
