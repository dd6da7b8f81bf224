import type { IntegrationMessage } from '@alliance/messaging';
import { distributedMode } from '@alliance/testing';
import { Client } from 'pg';
import { registerAlliance } from './alliance.fixture';
import { type CatalogueApp, startCatalogue } from './catalogue-app';
import { definitionFor } from './eciu.fixture';

/** The catalogue in distributed mode: events and read model in PostgreSQL, integration events on Kafka. */
describe('catalogue on PostgreSQL and Kafka', () => {
  let svc: CatalogueApp;
  const distributed = distributedMode('catalogue', () => svc?.close());
  const env = () => distributed.env();

  it('runs the lifecycle, publishes to Kafka, rebuilds identically and survives a restart', async () => {
    svc = await startCatalogue({ env: env(), configuredBus: true });
    const received: IntegrationMessage[] = [];
    const group = `catalogue-int-${Date.now()}`;
    const consumer = await svc.bus.subscribe({ group, sources: ['catalogue'], handler: async (m) => void received.push(m) });
    const alliance = await registerAlliance(svc);
    const { ids, admin } = alliance;
    const { body: spec } = await svc.http().post('/credential-specs').set('authorization', admin).send(definitionFor(ids));
    await svc.http().post(`/credential-specs/${spec.id}/propose`).set('authorization', admin);
    await Promise.all(
      [ids.aau, ids.dcu, ids.tuhh].map(async (inst) =>
        svc
          .http()
          .post(`/credential-specs/${spec.id}/approvals`)
          .set('authorization', await alliance.adminOf(inst))
          .send({}),
      ),
    );
    const published = await svc.http().post(`/credential-specs/${spec.id}/publish`).set('authorization', admin);
    expect(published.body).toMatchObject({ status: 'published', current: { approvals: [{}, {}, {}] } });

    const deadline = Date.now() + 30_000;
    // The topic outlives test runs on a shared broker: look for this run's definition only.
    const ours = () => received.find((m) => m.type === 'catalogue.credential-spec.published' && m.key === spec.id);
    while (!ours() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(ours()).toMatchObject({ key: spec.id, payload: { credentialSpecId: spec.id, version: 1 } });
    await consumer.stop();

    const rebuilt = await svc.http().post('/admin/read-model/rebuild').set('authorization', admin).send({ mode: 'verify' });
    expect(rebuilt.body).toMatchObject({ identical: true });

    const client = new Client({ connectionString: distributed.db.url });
    await client.connect();
    const tables = await client.query(
      `select table_schema, table_name from information_schema.tables where table_name like 'catalogue_%' order by table_name`,
    );
    await client.end();
    expect(new Set(tables.rows.map((r: { table_schema: string }) => r.table_schema))).toEqual(new Set(['catalogue_read']));
    expect(tables.rows.map((r: { table_name: string }) => r.table_name)).toContain('catalogue_credential_specs_v3');

    const before = (await svc.http().get(`/credential-specs/${spec.id}`).set('authorization', admin)).body;
    await svc.close();
    svc = await startCatalogue({ env: env(), configuredBus: true });
    expect((await svc.http().get(`/credential-specs/${spec.id}`).set('authorization', admin)).body).toEqual(before);
  }, 120_000);
});
