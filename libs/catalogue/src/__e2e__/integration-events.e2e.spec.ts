import { generateEd25519KeyPair } from '@alliance/credentials';
import type { IntegrationMessage } from '@alliance/messaging';
import { registerInstitutionKey } from '@alliance/testing';
import { proposeAndApprove, registerAlliance } from './alliance.fixture';
import { type CatalogueApp, startCatalogue } from './catalogue-app';
import { definitionFor, ECIU } from './eciu.fixture';

describe('catalogue integration events on the bus, and restarts', () => {
  let svc: CatalogueApp;
  const received: IntegrationMessage[] = [];
  beforeAll(async () => {
    svc = await startCatalogue({ keepData: true });
    await svc.bus.subscribe({ group: 'e2e-consumer', sources: ['catalogue'], handler: async (m) => void received.push(m) });
  }, 60_000);
  afterAll(() => svc?.close());

  const waitFor = async (predicate: () => boolean, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; received ${received.map((m) => m.type).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('publishes registrations, activations, keys, suspensions and published definitions with their full snapshot', async () => {
    const alliance = await registerAlliance(svc);
    const { ids, admin } = alliance;
    await registerInstitutionKey({
      catalogue: svc.http,
      institutionId: ids.aau,
      token: await alliance.adminOf(ids.aau),
      keyId: 'key-2',
      keyPair: generateEd25519KeyPair(),
      replacesKeyId: 'key-1',
    });
    await svc.http().post(`/institutions/${ids.ktu}/suspend`).set('authorization', admin).send({ reason: 'fees' });
    const { body: spec } = await svc.http().post('/credential-specs').set('authorization', admin).send(definitionFor(ids));
    await proposeAndApprove(svc, alliance, spec.id, [ids.aau, ids.dcu, ids.tuhh]);
    await svc.http().post(`/credential-specs/${spec.id}/publish`).set('authorization', admin);

    await waitFor(() => received.some((m) => m.type === 'catalogue.credential-spec.published'));
    // The bus keeps order per aggregate (the message key), not across aggregates.
    const byKey = (key: string) => received.filter((m) => m.key === key).map((m) => m.type.replace('catalogue.', ''));
    const onboarded = ['institution.registered', 'institution.key-added', 'institution.activated'];
    expect(byKey(ids.aau)).toEqual([...onboarded, 'institution.key-rotated']);
    expect(byKey(ids.ktu)).toEqual([...onboarded, 'institution.suspended']);
    expect(byKey(ids.dcu)).toEqual(onboarded);
    expect(byKey(spec.id)).toEqual(['credential-spec.published']);
    expect(received).toHaveLength(15);
    expect(received.find((m) => m.key === ids.dcu && m.type === 'catalogue.institution.registered')!.payload).toMatchObject({
      status: 'pending',
    });
    const published = received.find((m) => m.key === spec.id)!;
    expect(published).toMatchObject({ key: spec.id, source: 'catalogue', version: 1 });
    expect(published.payload).toMatchObject({
      credentialSpecId: spec.id,
      version: 1,
      awardingBodies: [
        { institutionId: ids.aau, lead: true, countryCode: 'DK', did: expect.stringMatching(/^did:web:/) },
        { countryCode: 'IE' },
        { countryCode: 'DE' },
      ],
      components: [{ code: 'ENERGY-MODEL', institutionId: ids.aau, ects: 2 }, { institutionId: ids.dcu }, { institutionId: ids.tuhh }],
      issuanceRule: { allComponentsPassed: true, withinMonths: 12 },
    });
    expect(new Set(received.map((m) => m.eventId)).size).toBe(received.length);
  }, 60_000);

  it('survives a restart: same answers, and the relay does not publish again what it already published', async () => {
    const admin = `Bearer ${await svc.token('alliance-admin')}`;
    // A registration of its own, relayed before the restart, so the case runs alone too.
    const registered = await svc
      .http()
      .post('/institutions')
      .set('authorization', admin)
      .send({ ...ECIU.aau, name: 'Restart Test University' });
    expect(registered.status).toBe(201);
    await waitFor(() => received.some((m) => m.key === registered.body.id && m.type === 'catalogue.institution.registered'));
    const before = (await svc.http().get('/institutions').set('authorization', admin)).body;
    const dataDir = svc.dataDir;
    const count = received.length;
    await svc.close();
    svc = await startCatalogue({ dataDir });
    const after = (await svc.http().get('/institutions').set('authorization', admin)).body;
    expect(after).toEqual(before);
    const late: IntegrationMessage[] = [];
    await svc.bus.subscribe({ group: 'e2e-late', sources: ['catalogue'], handler: async (m) => void late.push(m) });
    await new Promise((r) => setTimeout(r, 300));
    expect(late).toEqual([]);
    expect(received.length).toBe(count);
  }, 60_000);
});
