import { projectionSpecification, type ReadModelOrm, PGLITE_START_BUDGET_MS, startPgliteForSpecs } from '@alliance/event-sourcing';
import { enrolled, identity, LEARNER, NOW } from '../../domain/__fixtures__/learner.fixture';
import { ENROLMENT_AGGREGATES } from '../../application/enrolment-aggregates';
import { EnrolmentRows } from './enrolment-rows';
import { enrolmentsProjection } from './enrolments.projection';

// PGlite starts a whole PostgreSQL in WebAssembly: slow on a busy machine.
jest.setTimeout(60_000);

const stream = ENROLMENT_AGGREGATES.stream.learner(LEARNER);
const iso = NOW.toISOString();
const given = (type: string, data: Record<string, unknown>) => ({ type, data: { learnerId: LEARNER, ...data }, streamId: stream });

describe('enrolments projection (replayed twice)', () => {
  let orm: ReadModelOrm;
  beforeAll(async () => {
    orm = await startPgliteForSpecs();
  }, PGLITE_START_BUDGET_MS);
  afterAll(() => orm.close());
  const spec = () => projectionSpecification({ orm, projection: enrolmentsProjection });

  it('follows an enrolment through a transfer to completion', async () => {
    await spec()
      .given([
        { ...enrolled(), streamId: stream },
        given('EnrolmentTransferred', {
          enrolmentId: 'enr-1',
          credentialSpecId: 'spec-energy',
          fromVersion: 1,
          toVersion: 2,
          reason: 'new syllabus',
          transferredAt: iso,
        }),
        given('EnrolmentCompleted', {
          enrolmentId: 'enr-1',
          credentialSpecId: 'spec-energy',
          specVersion: 2,
          credentialId: 'cred-1',
          completedAt: iso,
        }),
      ])
      .then(async ({ em, entity }) => {
        const row = await em.findOneOrFail(entity(EnrolmentRows), { enrolmentId: 'enr-1' });
        expect(row).toMatchObject({
          status: 'completed',
          specVersion: 2,
          credentialId: 'cred-1',
          identity,
          learnerErased: false,
          revision: 2,
        });
        expect(row.transfers).toEqual([{ fromVersion: 1, toVersion: 2, reason: 'new syllabus', at: iso, by: 'spec' }]);
      });
  });

  it('withdraws, and on erasure drops the sealed identity of every enrolment of the learner', async () => {
    await spec()
      .given([
        { ...enrolled(), streamId: stream },
        { ...enrolled({ enrolmentId: 'enr-2', credentialSpecId: 'spec-other' }), streamId: stream },
        given('EnrolmentWithdrawn', {
          enrolmentId: 'enr-1',
          credentialSpecId: 'spec-energy',
          specVersion: 1,
          reason: 'moved',
          withdrawnAt: iso,
        }),
        given('LearnerErased', { reason: 'request', erasedAt: iso }),
      ])
      .then(async ({ em, entity }) => {
        const rows = await em.find(entity(EnrolmentRows), {}, { orderBy: { enrolmentId: 'asc' } });
        expect(rows.map((r) => [r.enrolmentId, r.status, r.identity, r.learnerErased])).toEqual([
          ['enr-1', 'withdrawn', null, true],
          ['enr-2', 'active', null, true],
        ]);
        expect(rows[0].withdrawalReason).toBe('moved');
      });
  });
});
