import { requestKeyChallenge } from '@alliance/testing';
import { catalogueWithAdmin } from './admin-session.fixture';
import { eventCount } from './catalogue-app';
import { ECIU, publicKeyJwk } from './eciu.fixture';
import { keyOwner } from './key-owner.fixture';

describe('catalogue over HTTP: institutions, keys and DID documents', () => {
  const svc = catalogueWithAdmin();

  it('registers a member with a platform-hosted did:web and serves its DID document', async () => {
    const res = await svc.register(ECIU.aau);
    expect(res.status).toBe(201);
    const id = res.body.id;
    expect(res.headers.location).toBe(`/institutions/${id}`);
    expect(res.body).toMatchObject({
      ...ECIU.aau,
      status: 'pending',
      did: `did:web:credentials.alliance.example:institutions:${id}`,
      keys: [],
    });
    const got = await svc
      .http()
      .get(`/institutions/${id}`)
      .set('authorization', `Bearer ${await svc.token('registrar', id)}`);
    expect(got.body).toEqual(res.body);
    const doc = await svc.http().get(`/institutions/${id}/did.json`);
    expect(doc.status).toBe(200);
    expect(doc.headers['content-type']).toMatch(/did\+ld\+json/);
    expect(JSON.parse(doc.text)).toMatchObject({ id: res.body.did, verificationMethod: [] });
  });

  it('rejects bad input with problem+json naming the field, and writes no event', async () => {
    // The name a duplicate registration collides with, registered here so the case runs alone too.
    const taken = { ...ECIU.aau, name: 'Duplicate Name Test University' };
    expect((await svc.register(taken)).status).toBe(201);
    const cases: [object, number, string][] = [
      [{ ...ECIU.ktu, countryCode: 'XX' }, 422, 'countryCode'],
      [{ ...ECIU.ktu, did: 'did:example:123' }, 422, 'did'],
      [{ ...ECIU.ktu, homepage: 'not a url' }, 422, 'homepage'],
      [{ legalName: 'x', countryCode: 'LT', homepage: 'https://ktu.edu' }, 400, 'name'],
      [{ ...taken }, 409, 'name'],
    ];
    let before = await eventCount(svc.store);
    for (const [body, status, field] of cases) {
      const res = await svc.register(body);
      expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status, type: expect.stringMatching(/problem\+json/) });
      expect(JSON.parse(res.text).errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await eventCount(svc.store)).toBe(before);
    const tuhh = await keyOwner(svc, ECIU.tuhh);
    const { challenge } = await requestKeyChallenge({ catalogue: svc.http, institutionId: tuhh.id, token: tuhh.token, keyId: 'key-1' });
    const proofOfPossession = { nonce: challenge.nonce, signature: 'A'.repeat(86) };
    before = await eventCount(svc.store);
    const keyCases: [object, number, string][] = [
      [{ publicKeyJwk: { ...publicKeyJwk(), d: 'c2VjcmV0' }, proofOfPossession }, 422, 'key.publicKeyJwk.d'],
      [{ publicKeyMultibase: 'zNotAKey', proofOfPossession }, 422, 'key.publicKeyMultibase'],
      [{ proofOfPossession }, 422, 'key.publicKeyMultibase'],
      [{ publicKeyJwk: publicKeyJwk(), proofOfPossession }, 422, 'proofOfPossession.signature'],
      [{ publicKeyJwk: publicKeyJwk(), proofOfPossession: { nonce: challenge.nonce } }, 400, 'proofOfPossession.signature'],
      [{ publicKeyJwk: publicKeyJwk() }, 400, 'proofOfPossession'],
    ];
    for (const [body, status, field] of keyCases) {
      const res = await tuhh.postKey(body);
      expect(res.status).toBe(status);
      expect(JSON.parse(res.text).errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await eventCount(svc.store)).toBe(before);
  });

  it('enforces roles: only alliance-admin registers; an institution-admin manages only its own keys', async () => {
    const registered = await svc.register({ ...ECIU.dcu, name: 'Roles Test University' });
    expect(registered.status).toBe(201);
    const target = registered.body.id as string;
    expect(
      (
        await svc
          .http()
          .post('/institutions')
          .set('authorization', `Bearer ${await svc.token('institution-admin', target)}`)
          .send(ECIU.ktu)
      ).status,
    ).toBe(403);
    const other = await svc
      .http()
      .post(`/institutions/${target}/key-challenges`)
      .set('authorization', `Bearer ${await svc.token('institution-admin', 'someone-else')}`)
      .send({ keyId: 'key-1' });
    expect({ status: other.status, code: JSON.parse(other.text).code }).toEqual({ status: 403, code: 'catalogue.key.not-own-institution' });
    expect((await svc.http().get('/institutions')).status).toBe(401);
    expect((await svc.http().get('/institutions/0190a3c4-0000-7000-8000-000000000000').set('authorization', svc.admin)).status).toBe(404);
    const malformed = await svc.http().get('/institutions/unknown-id').set('authorization', svc.admin);
    expect({ status: malformed.status, field: JSON.parse(malformed.text).errors[0].field }).toEqual({ status: 400, field: 'id' });
  });
});
