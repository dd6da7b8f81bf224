import { type ControllerDocument, createVerificationMethodResolver, type JsonObject, verifyCredential } from '@alliance/credentials';
import { catalogueWithAdmin } from './admin-session.fixture';
import { ECIU } from './eciu.fixture';
import { keyOwner } from './key-owner.fixture';

interface TrustListDocument extends JsonObject {
  issuer: string;
  validFrom: string;
  credentialSubject: {
    registryState: string;
    member: { id: string; institutionId: string; key: Record<string, string>[]; [k: string]: unknown }[];
  };
}

describe('catalogue over HTTP: the signed trust list of the alliance registry', () => {
  const svc = catalogueWithAdmin();
  const allianceDidResolver = () =>
    createVerificationMethodResolver({
      resolveDidWeb: async (_did, url) => {
        const res = await svc.http().get(new URL(url).pathname);
        return res.status === 200 ? (JSON.parse(res.text) as ControllerDocument) : undefined;
      },
    });
  const verify = (document: JsonObject) => verifyCredential(document, { resolveVerificationMethod: allianceDidResolver() });
  const get = (etag?: string) => {
    const req = svc.http().get('/trust-list');
    return etag ? req.set('if-none-match', etag) : req;
  };

  it('lists a member with every key, a compromised and a rotated one included, signed by the alliance DID served here', async () => {
    const uni = await keyOwner(svc, { ...ECIU.tuhh, name: 'TUHH trust list test' });
    await uni.addKey('key-1', { custody: 'institution' });
    await new Promise((r) => setTimeout(r, 20));
    const compromisedSince = new Date(Date.now() - 5).toISOString();
    await uni.addKey('key-2', { replacesKeyId: 'key-1' });
    const revoked = await svc
      .http()
      .post(`/institutions/${uni.id}/keys/key-2/revoke`)
      .set('authorization', uni.token)
      .send({ reason: 'laptop stolen', compromisedSince });
    expect(revoked.status).toBe(200);
    await uni.addKey('key-3');

    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/vc\+ld\+json/);
    expect(res.headers['cache-control']).toMatch(/max-age=60/);
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const list = JSON.parse(res.text) as TrustListDocument;
    expect(list).toMatchObject({
      type: ['VerifiableCredential', 'AllianceTrustList'],
      issuer: 'did:web:credentials.alliance.example:alliance',
    });
    const member = list.credentialSubject.member.find((m) => m.institutionId === uni.id)!;
    expect(member).toMatchObject({
      id: uni.did,
      name: 'TUHH trust list test',
      legalName: ECIU.tuhh.legalName,
      countryCode: 'DE',
      homepage: ECIU.tuhh.homepage,
      didHosting: 'platform-hosted',
      membershipStatus: 'active',
    });
    expect(member.statusHistory).toEqual([
      expect.objectContaining({ membershipStatus: 'pending' }),
      expect.objectContaining({ membershipStatus: 'active' }),
    ]);
    expect(member.key.map((k) => k.id)).toEqual([`${uni.did}#key-1`, `${uni.did}#key-2`, `${uni.did}#key-3`]);
    expect(member.key[0]).toMatchObject({ custody: 'institution', keyValidUntil: member.key[1].keyValidFrom });
    expect(member.key[1]).toMatchObject({ compromisedSince, revocationReason: 'laptop stolen', revokedAt: expect.any(String) });
    expect(member.key[2].keyValidUntil).toBeUndefined();
    expect(member.key[0].publicKeyMultibase).toMatch(/^z6Mk/);

    const result = await verify(list);
    expect(result.errors).toEqual([]);
    expect(result.proofs.map((p) => p.errors)).toEqual([[]]);
    expect(result).toMatchObject({ verified: true, signers: ['did:web:credentials.alliance.example:alliance'] });
    expect(list.proof).toEqual([expect.objectContaining({ cryptosuite: 'eddsa-jcs-2022', created: list.validFrom })]);
  });

  it('is public, keeps its ETag while the registry stands still, answers 304, and changes when a key is added', async () => {
    const first = await get();
    const second = await get();
    expect(first.status).toBe(200);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.text).toBe(first.text);
    const notModified = await get(first.headers.etag);
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect((await get('"something-else"')).status).toBe(200);

    const uni = await keyOwner(svc, { ...ECIU.ktu, name: 'KTU trust list test' });
    const registered = await get(first.headers.etag);
    expect(registered.status).toBe(200);
    // An open key challenge is not part of the registry: the list stays as it was.
    const challenge = await uni.requestChallenge('key-1');
    expect(challenge.status).toBe(201);
    expect((await get(registered.headers.etag)).status).toBe(304);

    await uni.addKey('key-1');
    const changed = await get(registered.headers.etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(registered.headers.etag);
    const list = JSON.parse(changed.text) as TrustListDocument;
    expect(list.credentialSubject.registryState).not.toBe(
      (JSON.parse(registered.text) as TrustListDocument).credentialSubject.registryState,
    );
    expect(list.credentialSubject.member.find((m) => m.institutionId === uni.id)?.key).toHaveLength(1);
    expect((await verify(list)).verified).toBe(true);
  });

  it('serves the alliance DID document, and a tampered list does not verify', async () => {
    const did = JSON.parse((await svc.http().get('/alliance/did.json')).text) as ControllerDocument;
    expect(did.id).toBe('did:web:credentials.alliance.example:alliance');
    expect(did.assertionMethod).toEqual([did.verificationMethod![0].id]);
    expect(did.service).toEqual([
      expect.objectContaining({ type: 'AllianceTrustList', serviceEndpoint: 'https://credentials.alliance.example/trust-list' }),
    ]);

    // A member with a compromised key of its own, so the case runs alone too.
    const uni = await keyOwner(svc, { ...ECIU.dcu, name: 'DCU tampered list test' });
    await uni.addKey('key-1');
    await uni.addKey('key-2', { replacesKeyId: 'key-1' });
    const revoked = await svc
      .http()
      .post(`/institutions/${uni.id}/keys/key-2/revoke`)
      .set('authorization', uni.token)
      .send({ reason: 'laptop stolen', compromisedSince: new Date(Date.now() - 5).toISOString() });
    expect(revoked.status).toBe(200);

    const list = JSON.parse((await get()).text) as TrustListDocument;
    const members = list.credentialSubject.member;
    const compromised = members.find((m) => m.key.some((k) => k.compromisedSince))!;
    const others = members.filter((m) => m !== compromised);
    const withSubject = (member: typeof members) => ({ ...list, credentialSubject: { ...list.credentialSubject, member } });
    const forgiven = withSubject([{ ...compromised, key: compromised.key.map(({ compromisedSince: _dropped, ...k }) => k) }, ...others]);
    const withoutMember = withSubject(others);
    const impostor = withSubject([{ ...compromised, id: 'did:web:impostor.example' }, ...others]);
    expect((await verify(list)).verified).toBe(true);
    for (const tampered of [forgiven, withoutMember, impostor]) {
      const result = await verify(tampered as JsonObject);
      expect(result.verified).toBe(false);
      expect(result.proofs[0].errors[0].code).toBe('INVALID_SIGNATURE');
    }
  });
});
