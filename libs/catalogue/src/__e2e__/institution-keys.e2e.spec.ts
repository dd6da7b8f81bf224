import { generateEd25519KeyPair, signKeyPossession } from '@alliance/credentials';
import { requestKeyChallenge } from '@alliance/testing';
import { catalogueWithAdmin } from './admin-session.fixture';
import { ECIU } from './eciu.fixture';
import { keyOwner } from './key-owner.fixture';

describe('catalogue over HTTP: signing keys, rotation, validity at an instant, suspension', () => {
  const svc = catalogueWithAdmin();

  it('rotates keys, keeps the history, and answers validity at an instant', async () => {
    const dcu = await keyOwner(svc, { ...ECIU.dcu, name: 'DCU rotation test', did: 'did:web:rotation.dcu.ie' });
    await dcu.addKey('key-1', { custody: 'issuance-service' });
    const beforeRotation = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));

    const next = generateEd25519KeyPair();
    dcu.publishKey('key-2', next.publicKeyMultibase);
    const { challenge } = await requestKeyChallenge({ catalogue: svc.http, institutionId: dcu.id, token: dcu.token, keyId: 'key-2' });
    const rotated = await svc
      .http()
      .post(`/institutions/${dcu.id}/keys/key-1/rotate`)
      .set('authorization', dcu.token)
      .send({
        publicKeyMultibase: next.publicKeyMultibase,
        reason: 'yearly',
        proofOfPossession: signKeyPossession(challenge, next.secretKey),
      });
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({ keyId: 'key-2', state: 'active' });

    const doc = JSON.parse((await svc.http().get(`/institutions/${dcu.id}/did.json`)).text);
    expect(doc.verificationMethod.map((m: { id: string }) => m.id)).toEqual([
      'did:web:rotation.dcu.ie#key-1',
      'did:web:rotation.dcu.ie#key-2',
    ]);
    expect(doc.verificationMethod[0]).toMatchObject({ revoked: rotated.body.validFrom });
    expect(doc.verificationMethod[0].validUntil).toBeUndefined();
    expect(doc.authentication).toEqual(['did:web:rotation.dcu.ie#key-2']);

    const then = await svc.http().get(`/institutions/${dcu.id}/keys/key-1/validity`).query({ at: beforeRotation });
    expect(then.body).toMatchObject({ valid: true, keyId: 'key-1', institutionStatusAt: 'active' });
    const now = await svc.http().get(`/institutions/${dcu.id}/keys/key-1/validity`);
    expect(now.body).toMatchObject({ valid: false, reason: 'expired' });
    const vm = await svc.http().get(`/institutions/${dcu.id}/keys/${encodeURIComponent('did:web:rotation.dcu.ie#key-2')}/validity`);
    expect(vm.body).toMatchObject({ valid: true, keyId: 'key-2' });
  });

  it('rotates through POST /institutions/{id}/keys with replacesKeyId, and removes a member without a stated reason', async () => {
    const ktu = await keyOwner(svc, { ...ECIU.ktu, name: 'KTU rotation test' });
    await ktu.addKey('key-1');
    await ktu.addKey('key-2', { replacesKeyId: 'key-1' });
    const { body: after } = await svc.http().get(`/institutions/${ktu.id}/keys`).set('authorization', svc.admin);
    expect(after.map((k: { keyId: string; state: string }) => [k.keyId, k.state])).toEqual([
      ['key-1', 'expired'],
      ['key-2', 'active'],
    ]);
    const removed = await svc.http().post(`/institutions/${ktu.id}/remove`).set('authorization', svc.admin).send();
    expect(removed.body).toMatchObject({
      status: 'removed',
      statusHistory: [{ status: 'pending' }, { status: 'active' }, { status: 'removed', reason: 'No reason given.' }],
    });
    const refused = await ktu.requestChallenge('key-3');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('catalogue.member-removed');
    expect((await svc.http().get(`/institutions/${ktu.id}/did.json`)).status).toBe(200);
  });

  it('suspends and reinstates; a suspended member keys are not valid meanwhile', async () => {
    const tuhh = await keyOwner(svc, ECIU.tuhh);
    await tuhh.addKey('key-1');
    const suspended = await svc
      .http()
      .post(`/institutions/${tuhh.id}/suspend`)
      .set('authorization', svc.admin)
      .send({ reason: 'QA review' });
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
    const during = await svc.http().get(`/institutions/${tuhh.id}/keys/key-1/validity`);
    expect(during.body).toMatchObject({ valid: false, reason: 'institution-suspended' });
    const reinstated = await svc.http().post(`/institutions/${tuhh.id}/reinstate`).set('authorization', svc.admin).send();
    expect(reinstated.body.status).toBe('active');
    const list = await svc.http().get('/institutions').query({ countryCode: 'DE', q: ECIU.tuhh.name }).set('authorization', svc.admin);
    expect(list.body).toMatchObject({
      total: 1,
      items: [{ id: tuhh.id, statusHistory: [{ status: 'pending' }, { status: 'active' }, { status: 'suspended' }, { status: 'active' }] }],
    });
  });
});
