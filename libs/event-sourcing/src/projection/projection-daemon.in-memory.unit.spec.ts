import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { appendTicks, appliedEventsProjection } from '../testing/__fixtures__/applied-events-projection';
import { pgliteReadModels } from '../testing/__fixtures__/pglite-read-models';
import { seatsProjection } from '../testing/__fixtures__/seats-projection';
import { ProjectionDaemon } from './projection-daemon';

describe('projection daemon (in-memory event store double, PGlite read models)', () => {
  const readModels = pgliteReadModels();

  it('runs every projection and reports readiness from their lag', async () => {
    const store = new InMemoryEventStore();
    const daemon = new ProjectionDaemon({
      store,
      orm: readModels.orm,
      projections: [
        { ...seatsProjection, version: 31 },
        { ...appliedEventsProjection, version: 31 },
      ],
      pollIntervalMs: 5,
    });
    await appendTicks(store, 5);
    const health = daemon.healthIndicator();
    await daemon.start();
    await daemon.waitFor(5);
    await expect(health.check()).resolves.toEqual({
      'demo.seats_v31': { lag: 0, status: expect.any(String) },
      'demo.applied-events_v31': { lag: 0, status: expect.any(String) },
    });
    await daemon.stop();
    await appendTicks(store, 5, 5);
    await expect(health.check()).rejects.toThrow(/demo.seats_v31 \(lag 5/);
  });

  it('refuses the same projection twice', () => {
    expect(
      () => new ProjectionDaemon({ store: new InMemoryEventStore(), orm: readModels.orm, projections: [seatsProjection, seatsProjection] }),
    ).toThrow(/twice/);
  });
});
