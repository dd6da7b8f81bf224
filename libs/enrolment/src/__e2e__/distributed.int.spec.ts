import { randomUUID } from 'node:crypto';
import { distributedMode } from '@alliance/testing';
import { Client } from 'pg';
import { AAU, facts, publishedSpec } from './catalogue-facts.fixture';
import { type EnrolmentApp, startEnrolment } from './enrolment-app';

const until = async <T>(probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
};

/** Enrolment in distributed mode: events, read model and learner keys in PostgreSQL, integration events on Kafka. */
describe('enrolment on PostgreSQL and Kafka', () => {
  let svc: EnrolmentApp;
  const distributed = distributedMode('enrolment', () => svc?.close());
  const run = randomUUID().slice(0, 8);
  const env = () =>
    distributed.env({
      ENROLMENT_CONSUMER_GROUP: `enrolment-int-${run}`,
      // No PERSONAL_DATA_KEY: opted in to one generated in the service's schema, which the replicas share.
      PERSONAL_DATA_KEY_IN_DATABASE: 'true',
    });

  it('learns definitions from Kafka, enrols, publishes, erases, and keeps its keys in its own schema across a restart', async () => {
    svc = await startEnrolment({ env: env(), configuredBus: true });
    const spec = `spec-${run}`;
    await facts(svc.bus).published(publishedSpec(spec));
    const registrar = await svc.bearer('registrar', AAU);
    const body = {
      learner: { givenName: 'Ada', familyName: 'Lovelace', email: `ada-${run}@example.org` },
      credentialSpecId: spec,
      institutionId: AAU,
      consent: { givenAt: '2026-01-01T00:00:00Z', textVersion: 'v1' },
    };
    const enrolled = await until(async () => {
      const res = await svc.http().post('/enrolments').set('authorization', registrar).send(body);
      return res.status === 201 ? res.body : undefined;
    });
    const learnerId = enrolled.learnerId as string;
    const message = await until(async () => svc.published.find((m) => m.type === 'enrolment.learner.enrolled' && m.key === learnerId));
    expect(message.payload).toMatchObject({ learner: { name: 'Ada Lovelace' }, credentialSpecId: spec });

    const client = new Client({ connectionString: distributed.db.url });
    await client.connect();
    try {
      const keys = await client.query(`select count(*)::int as n from enrolment_read.enrolment_learner_keys where learner_id = $1`, [
        learnerId,
      ]);
      expect(keys.rows[0].n).toBe(1);
      expect((await client.query(`select count(*)::int as n from enrolment_read.enrolment_key_encryption_key`)).rows[0].n).toBe(1);
      const raw = await client.query(`select data::text as data from enrolment_events.events where stream_id = $1`, [
        `enrolment.learner-${learnerId}`,
      ]);
      expect(raw.rows[0].data).not.toContain('Lovelace');

      await svc.close();
      svc = await startEnrolment({ env: env(), configuredBus: true });
      const after = await svc.http().get(`/enrolments/${enrolled.enrolmentId}`).set('authorization', registrar);
      expect(after.body.learner).toMatchObject({ givenName: 'Ada', erased: false });

      const erased = await svc
        .http()
        .post(`/learners/${learnerId}/erasure`)
        .set('authorization', await svc.bearer('alliance-admin'))
        .send({ reason: 'request' });
      expect(erased.status).toBe(200);
      expect(
        (await client.query(`select count(*)::int as n from enrolment_read.enrolment_learner_keys where learner_id = $1`, [learnerId]))
          .rows[0].n,
      ).toBe(0);
      const trail = await svc
        .http()
        .get(`/learners/${learnerId}/audit-trail`)
        .set('authorization', await svc.bearer('auditor'));
      expect(trail.body).toMatchObject({ erased: true, chain: { verified: true } });
      expect(trail.body.events[0].data.identity.givenName).toBe('[erased]');
      await until(async () => svc.published.find((m) => m.type === 'enrolment.learner.erased' && m.key === learnerId));
    } finally {
      await client.end();
    }
  }, 120_000);
});
