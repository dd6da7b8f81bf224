import type { NewEvent } from '../envelope';
import { PGLITE_START_BUDGET_MS, startPgliteForSpecs } from '../testing/pglite-for-specs';
import { ANY_REVISION } from '../expected-revision';
import { type ReadModelOrm } from '../read-model/create-read-model-orm';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { appliedEventsProjection } from '../testing/__fixtures__/applied-events-projection';
import { seatsProjection } from '../testing/__fixtures__/seats-projection';
import { ProjectionDaemon } from './projection-daemon';

const meta = { occurredAt: '2026-01-01T00:00:00.000Z', actor: { subject: 's' }, correlationId: 'c' };
const tick: NewEvent = { type: 'demo.tick', data: {}, metadata: meta };

describe('projection daemon (in-memory event store double, PGlite read models)', () => {
  let orm: ReadModelOrm;
  beforeAll(async () => {
    orm = await startPgliteForSpecs();
  }, PGLITE_START_BUDGET_MS);
  afterAll(() => orm.close());

  it('runs every projection and reports readiness from their lag', async () => {
    const store = new InMemoryEventStore();
    const daemon = new ProjectionDaemon({
      store,
      orm,
      projections: [
        { ...seatsProjection, version: 31 },
        { ...appliedEventsProjection, version: 31 },
      ],
      pollIntervalMs: 5,
    });
    for (let i = 0; i < 5; i++) await store.appendToStream('demo.clock-1', [tick], { expectedRevision: ANY_REVISION });
    const health = daemon.healthIndicator();
    await daemon.start();
    await daemon.waitFor(5);
    await expect(health.check()).resolves.toEqual({
      'demo.seats_v31': { lag: 0, status: expect.any(String) },
      'demo.applied-events_v31': { lag: 0, status: expect.any(String) },
    });
    await daemon.stop();
    for (let i = 0; i < 5; i++) await store.appendToStream('demo.clock-1', [tick], { expectedRevision: ANY_REVISION });
    await expect(health.check()).rejects.toThrow(/demo.seats_v31 \(lag 5/);
  });

  it('refuses the same projection twice', () => {
    expect(() => new ProjectionDaemon({ store: new InMemoryEventStore(), orm, projections: [seatsProjection, seatsProjection] })).toThrow(
      /twice/,
    );
  });
});
