import {
  buildDidWebDocument,
  createTestTls,
  type DidWebTestServer,
  type Ed25519KeyPair,
  generateEd25519KeyPair,
  signKeyPossession,
  startDidWebServer,
  startTrustingDidWebResolver,
  type TestTls,
  type TrustingDidWebResolver,
} from '@alliance/credentials';
import { registerInstitutionKey, requestKeyChallenge } from '@alliance/testing';
import { CATALOGUE_AGGREGATES } from '../application/catalogue-aggregates';
import { type CatalogueApp, eventCount, startCatalogue } from './catalogue-app';
import { ECIU } from './eciu.fixture';

/**
 * Members whose did:web lives at their own domain, played by a local HTTPS server whose certificate a test CA
 * issued. The catalogue reads their documents with the production resolver in a process that trusts that CA
 * through NODE_EXTRA_CA_CERTS; nothing disables TLS checks.
 */
describe('catalogue over HTTP: keys of members hosting their own did:web', () => {
  let tls: TestTls;
  let web: DidWebTestServer;
  let rogue: DidWebTestServer;
  let resolver: TrustingDidWebResolver;
  let svc: CatalogueApp;
  let admin: string;

  beforeAll(async () => {
    tls = createTestTls();
    web = await startDidWebServer(tls.server);
    rogue = await startDidWebServer(tls.selfSigned);
    resolver = await startTrustingDidWebResolver(tls.caFile);
    svc = await startCatalogue({ didDocuments: resolver });
    admin = `Bearer ${await svc.token('alliance-admin')}`;
  }, 60_000);
  afterAll(async () => {
    await svc?.close();
    await resolver?.close();
    await web?.close();
    await rogue?.close();
    tls?.remove();
  });

  async function member(profile: object): Promise<{ id: string; did: string; token: string }> {
    const res = await svc.http().post('/institutions').set('authorization', admin).send(profile);
    expect(res.status).toBe(201);
    return {
      id: res.body.id,
      did: res.body.did,
      token: `Bearer ${await svc.token('institution-admin', res.body.id, `admin@${res.body.id}`)}`,
    };
  }

  /** Posts a key as the member's own admin, with a valid proof of possession; says whether its stream grew. */
  async function postKey(m: { id: string; token: string }, keyId: string, keyPair: Ed25519KeyPair) {
    const { challenge } = await requestKeyChallenge({ catalogue: svc.http, institutionId: m.id, token: m.token, keyId });
    const before = await svc.store.streamRevision(CATALOGUE_AGGREGATES.stream.institution(m.id));
    const res = await svc
      .http()
      .post(`/institutions/${m.id}/keys`)
      .set('authorization', m.token)
      .send({ publicKeyMultibase: keyPair.publicKeyMultibase, proofOfPossession: signKeyPossession(challenge, keyPair.secretKey) });
    return Object.assign(res, { appended: (await svc.store.streamRevision(CATALOGUE_AGGREGATES.stream.institution(m.id))) - before });
  }

  /** Registers a member with `did`, has `host` serve its document listing a fresh key-1, then posts that key. */
  async function postListedKey(host: DidWebTestServer, profile: object, did: string) {
    const m = await member({ ...profile, did });
    const keyPair = generateEd25519KeyPair();
    host.publish(buildDidWebDocument(did, [{ id: `${did}#key-1`, publicKeyMultibase: keyPair.publicKeyMultibase }]));
    return { member: m, res: await postKey(m, 'key-1', keyPair) };
  }

  it('registers a key its DID document lists, records where and when that was read, and says the DID is institution-hosted', async () => {
    const did = web.did('uni', 'ut');
    const { member: ut, res } = await postListedKey(web, { ...ECIU.aau, name: 'University of Twente (own DID)' }, did);
    expect(res.status).toBe(201);
    expect(res.appended).toBe(2);
    expect(res.body).toMatchObject({
      keyId: 'key-1',
      state: 'active',
      didDocumentChecked: { url: `https://${web.host}/uni/ut/did.json`, verificationMethod: `${did}#key-1`, at: expect.any(String) },
    });
    const view = (await svc.http().get(`/institutions/${ut.id}`).set('authorization', admin)).body;
    expect(view).toMatchObject({ did, didHosting: 'institution-hosted', status: 'active' });
    expect(web.requests).toContain('/uni/ut/did.json');
  });

  it('answers 422 problem+json naming publicKeyMultibase when the document does not list the key, and leaves the stream as it was', async () => {
    const did = web.did('uni', 'ktu');
    const ktu = await member({ ...ECIU.ktu, name: 'KTU (own DID)', did });
    const listed = generateEd25519KeyPair();
    web.publish(buildDidWebDocument(did, [{ id: `${did}#key-1`, publicKeyMultibase: listed.publicKeyMultibase }]));
    await registerInstitutionKey({ catalogue: svc.http, institutionId: ktu.id, token: ktu.token, keyId: 'key-1', keyPair: listed });

    const unlisted = generateEd25519KeyPair();
    const { challenge } = await requestKeyChallenge({ catalogue: svc.http, institutionId: ktu.id, token: ktu.token, keyId: 'key-2' });
    const revision = await svc.store.streamRevision(CATALOGUE_AGGREGATES.stream.institution(ktu.id));
    const head = await eventCount(svc.store);
    for (const body of [{}, { replacesKeyId: 'key-1' }]) {
      const res = await svc
        .http()
        .post(`/institutions/${ktu.id}/keys`)
        .set('authorization', ktu.token)
        .send({
          publicKeyMultibase: unlisted.publicKeyMultibase,
          proofOfPossession: signKeyPossession(challenge, unlisted.secretKey),
          ...body,
        });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      const problem = JSON.parse(res.text);
      expect(problem).toMatchObject({
        code: 'catalogue.key.not-in-did-document',
        errors: [{ field: 'publicKeyMultibase', rule: 'key.not-in-did-document' }],
      });
      expect(problem.errors[0].message).toContain(`https://${web.host}/uni/ktu/did.json`);
    }
    const rotateToUnlisted = () =>
      svc
        .http()
        .post(`/institutions/${ktu.id}/keys/key-1/rotate`)
        .set('authorization', ktu.token)
        .send({
          newKeyId: 'key-2',
          publicKeyMultibase: unlisted.publicKeyMultibase,
          proofOfPossession: signKeyPossession(challenge, unlisted.secretKey),
        });
    const rotate = await rotateToUnlisted();
    expect(rotate.status).toBe(422);
    expect(JSON.parse(rotate.text).code).toBe('catalogue.key.not-in-did-document');
    expect(await svc.store.streamRevision(CATALOGUE_AGGREGATES.stream.institution(ktu.id))).toBe(revision);
    expect(await eventCount(svc.store)).toBe(head);
    expect(
      (await svc.http().get(`/institutions/${ktu.id}/keys`).set('authorization', admin)).body.map((k: { keyId: string }) => k.keyId),
    ).toEqual(['key-1']);

    web.publish(
      buildDidWebDocument(did, [
        { id: `${did}#key-1`, publicKeyMultibase: listed.publicKeyMultibase },
        { id: `${did}#key-2`, publicKeyMultibase: unlisted.publicKeyMultibase },
      ]),
    );
    const rotated = await rotateToUnlisted();
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({ keyId: 'key-2', state: 'active', didDocumentChecked: { verificationMethod: `${did}#key-2` } });
  });

  it('answers 422 did.unresolvable with the reason when the document is missing or served with a certificate no trusted CA issued', async () => {
    const missing = await member({ ...ECIU.dcu, name: 'DCU (document missing)', did: web.did('uni', 'dcu') });
    const res = await postKey(missing, 'key-1', generateEd25519KeyPair());
    expect(res.status).toBe(422);
    expect(res.appended).toBe(0);
    expect(JSON.parse(res.text)).toMatchObject({
      code: 'catalogue.did.unresolvable',
      errors: [{ field: 'did', message: expect.stringMatching(/HTTP 404 \(HTTP_STATUS\)/) }],
    });

    const did = `did:web:localhost%3A${rogue.host.split(':')[1]}`;
    const { member: spoofed, res: untrusted } = await postListedKey(rogue, { ...ECIU.tuhh, name: 'TUHH (untrusted certificate)' }, did);
    expect(untrusted.status).toBe(422);
    expect(untrusted.appended).toBe(0);
    expect(JSON.parse(untrusted.text)).toMatchObject({
      code: 'catalogue.did.unresolvable',
      errors: [{ field: 'did', message: expect.stringContaining('TLS_FAILED') }],
    });
    expect(rogue.requests).toEqual([]);
    const view = (await svc.http().get(`/institutions/${spoofed.id}`).set('authorization', admin)).body;
    expect(view).toMatchObject({ status: 'pending', keys: [] });
  });

  it('leaves platform-hosted members alone: their keys are registered without reading any document', async () => {
    const platform = await member({ ...ECIU.aau, name: 'Aalborg University (platform DID)' });
    const calls = resolver.calls();
    const requests = web.requests.length;
    const res = await postKey(platform, 'key-1', generateEd25519KeyPair());
    expect(res.status).toBe(201);
    expect(res.appended).toBe(2);
    expect(res.body.didDocumentChecked).toBeUndefined();
    expect(resolver.calls()).toBe(calls);
    expect(web.requests).toHaveLength(requests);
    const view = (await svc.http().get(`/institutions/${platform.id}`).set('authorization', admin)).body;
    expect(view).toMatchObject({
      did: `did:web:credentials.alliance.example:institutions:${platform.id}`,
      didHosting: 'platform-hosted',
      status: 'active',
    });
  });

  /** A fresh catalogue as `env` configures it: registers a member on the test DID host and answers its first key. */
  async function registerOnFreshCatalogue(env: Record<string, string>, name: string, path: string) {
    const plain = await startCatalogue({ env });
    try {
      const token = `Bearer ${await plain.token('alliance-admin')}`;
      const did = web.did('uni', path);
      const res = await plain
        .http()
        .post('/institutions')
        .set('authorization', token)
        .send({ ...ECIU.aau, name, did });
      const liu = {
        id: res.body.id as string,
        token: `Bearer ${await plain.token('institution-admin', res.body.id, `admin@${res.body.id}`)}`,
      };
      const keyPair = generateEd25519KeyPair();
      web.publish(buildDidWebDocument(did, [{ id: `${did}#key-1`, publicKeyMultibase: keyPair.publicKeyMultibase }]));
      const { challenge } = await requestKeyChallenge({ catalogue: plain.http, institutionId: liu.id, token: liu.token, keyId: 'key-1' });
      return await plain
        .http()
        .post(`/institutions/${liu.id}/keys`)
        .set('authorization', liu.token)
        .send({ publicKeyMultibase: keyPair.publicKeyMultibase, proofOfPossession: signKeyPossession(challenge, keyPair.secretKey) });
    } finally {
      await plain.close();
    }
  }

  it('as configured by default, refuses a DID host on a loopback address before connecting', async () => {
    const refused = await registerOnFreshCatalogue({}, 'Linköping (address guard)', 'liu-guarded');
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.text).errors[0].message).toContain('BLOCKED_ADDRESS');
  });

  it('with the test host allow-listed past the address guard, reads over HTTPS with this process trust store: the test CA is not in it, so the key is refused', async () => {
    const refused = await registerOnFreshCatalogue({ CATALOGUE_DID_FETCH_ALLOW_HOSTS: web.host }, 'Linköping (default resolver)', 'liu');
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.text).errors[0].message).toContain('TLS_FAILED');
  });
});
