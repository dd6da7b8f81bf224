import { type CatalogueApp, startCatalogue } from '../__e2e__/catalogue-app';
import { ECIU_MEMBERS } from './eciu-demo-data';
import { seedDemo } from './seed-demo';

describe('demo seed against a running catalogue', () => {
  let svc: CatalogueApp;
  let baseUrl: string;
  beforeAll(async () => {
    svc = await startCatalogue();
    await svc.app.listen(0, '127.0.0.1');
    const address = svc.app.getHttpServer().address() as { port: number };
    baseUrl = `http://127.0.0.1:${address.port}`;
  }, 60_000);
  afterAll(() => svc?.close());

  const run = async (generateKeys: boolean) =>
    seedDemo({
      baseUrl,
      allianceAdminToken: await svc.token('alliance-admin'),
      institutionAdminToken: (institution) => svc.token('institution-admin', institution, `demo@${institution}`),
      generateKeys,
    });

  it('registers the ECIU members and publishes a joint credential approved by its three awarding bodies', async () => {
    const result = await run(true);
    expect(result.institutions.map((i) => i.name)).toEqual(ECIU_MEMBERS.map((m) => m.name));
    expect(result.institutions.every((i) => i.created && i.did.startsWith('did:web:'))).toBe(true);
    expect(result.privateKeys).toHaveLength(8);
    expect(result.credentialSpec).toMatchObject({ version: 1, status: 'published' });

    const admin = `Bearer ${await svc.token('auditor')}`;
    const spec = (await svc.http().get(`/credential-specs/${result.credentialSpec.id}`).set('authorization', admin)).body;
    expect(spec.current.published.awardingBodies.map((b: { name: string; countryCode: string }) => `${b.name} (${b.countryCode})`)).toEqual(
      ['Aalborg University (DK)', 'University of Twente (NL)', 'Tampere University (FI)'],
    );
    expect(spec.current.approvals).toHaveLength(3);
    const doc = JSON.parse((await svc.http().get(`/institutions/${result.institutions[0].id}/did.json`)).text);
    expect(doc.verificationMethod).toHaveLength(1);
    const members = (await svc.http().get('/institutions').query({ limit: 100 }).set('authorization', admin)).body.items;
    expect(members.map((m: { status: string }) => m.status)).toEqual(new Array(8).fill('active'));
    const first = members.find((m: { id: string }) => m.id === result.privateKeys[0].institutionId);
    expect(first.keys[0]).toMatchObject({
      keyId: 'key-1',
      publicKeyJwk: { x: result.privateKeys[0].privateKeyJwk.x },
      possession: { challenge: { keyId: 'key-1' } },
    });
  });

  it('reuses what exists when run again', async () => {
    const again = await run(true);
    expect(again.institutions.every((i) => !i.created)).toBe(true);
    expect(again.privateKeys).toEqual([]);
    expect(again.credentialSpec.status).toBe('published');
    const list = (
      await svc
        .http()
        .get('/credential-specs')
        .set('authorization', `Bearer ${await svc.token('auditor')}`)
    ).body;
    expect(list.total).toBe(1);
  });
});
