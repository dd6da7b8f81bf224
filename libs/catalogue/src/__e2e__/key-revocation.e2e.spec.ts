import { catalogueWithAdmin } from './admin-session.fixture';
import { ECIU } from './eciu.fixture';
import { keyOwner } from './key-owner.fixture';

describe('catalogue over HTTP: revoking a key for compromise', () => {
  const svc = catalogueWithAdmin();

  it('revokes a compromised key: signatures before compromisedSince stay valid, later ones do not', async () => {
    const aau = await keyOwner(svc, { ...ECIU.aau, name: 'AAU compromise test' });
    await aau.addKey('key-1');
    await new Promise((r) => setTimeout(r, 30));
    const compromisedSince = new Date(Date.now() - 10).toISOString();
    const justBefore = new Date(Date.parse(compromisedSince) - 5).toISOString();
    const revoke = (body: object) =>
      svc.http().post(`/institutions/${aau.id}/keys/key-1/revoke`).set('authorization', aau.token).send(body);

    const future = await revoke({ reason: 'x', compromisedSince: '2999-01-01T00:00:00Z' });
    const problem = JSON.parse(future.text);
    expect({ status: future.status, code: problem.code, field: problem.errors[0].field }).toEqual({
      status: 422,
      code: 'catalogue.key.compromised-since-future',
      field: 'compromisedSince',
    });
    const revoked = await revoke({ reason: 'laptop stolen', compromisedSince });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      keyId: 'key-1',
      state: 'compromised',
      compromisedSince,
      revocationReason: 'laptop stolen',
      revokedAt: expect.any(String),
    });

    const validity = (at: string) => svc.http().get(`/institutions/${aau.id}/keys/key-1/validity`).query({ at });
    expect((await validity(justBefore)).body).toMatchObject({ valid: true, compromisedSince });
    expect((await validity(compromisedSince)).body).toMatchObject({ valid: false, reason: 'compromised', compromisedSince });
    expect((await validity(new Date().toISOString())).body).toMatchObject({ valid: false, reason: 'compromised' });
    const doc = JSON.parse((await svc.http().get(`/institutions/${aau.id}/did.json`)).text);
    expect(doc.verificationMethod[0].revoked).toBe(compromisedSince);
    expect(doc.verificationMethod[0].validUntil).toBeUndefined();
    const again = await revoke({ reason: 'again' });
    expect({ status: again.status, code: JSON.parse(again.text).code }).toEqual({ status: 409, code: 'catalogue.key.already-revoked' });
  });
});
