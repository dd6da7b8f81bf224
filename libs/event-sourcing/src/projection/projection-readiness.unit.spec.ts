import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { appendTicks, appliedEventsProjectionAround, storeWithTicks } from '../testing/__fixtures__/applied-events-projection';
import { pgliteReadModels } from '../testing/__fixtures__/pglite-read-models';
import { ProjectionDaemon } from './projection-daemon';
import type { ProjectionLag } from './projection-lag';
import { ProjectionPace } from './projection-readiness';
import { ProjectionRunner } from './projection-runner';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const lag = (checkpoint: number, head: number, parked?: number): ProjectionLag => ({
  checkpointName: 'demo.p_v1',
  checkpoint,
  head,
  lag: head - checkpoint,
  ...(parked ? { parked } : {}),
});
const policy = { stuckAfterMs: 30_000 };

describe('projection readiness: behind and moving vs stuck (fake clock)', () => {
  it('is caught up with no lag, whatever the time since it last moved', () => {
    const clock = fakeClock();
    const pace = new ProjectionPace(clock.now);
    pace.started(10);
    clock.advance(3_600_000);
    expect(pace.assess(lag(10, 10), 'live', undefined, policy)).toEqual({ ...lag(10, 10), status: 'live', state: 'caught-up' });
  });

  it('is catching up while its checkpoint moves, with its rate and when it will be done', () => {
    const clock = fakeClock();
    const pace = new ProjectionPace(clock.now);
    pace.started(0);
    for (let i = 1; i <= 10; i++) {
      clock.advance(1000);
      pace.advanced(i * 50);
    }
    expect(pace.assess(lag(500, 800), 'catching-up', undefined, policy)).toEqual({
      ...lag(500, 800),
      status: 'catching-up',
      state: 'catching-up',
      eventsPerSecond: 50,
      etaSeconds: 6,
      stalledForMs: 0,
    });
    // Still catching up just before the limit, stuck at it: the cause says how long and how far behind.
    clock.advance(29_999);
    expect(pace.assess(lag(500, 800), 'catching-up', undefined, policy).state).toBe('catching-up');
    clock.advance(1);
    expect(pace.assess(lag(500, 800), 'catching-up', undefined, policy)).toMatchObject({
      state: 'stuck',
      stalledForMs: 30_000,
      cause: 'no progress for 30 s while 300 event(s) behind',
    });
  });

  it('counts time at the head as progress: events that just arrived after a quiet hour are not a stall', () => {
    const clock = fakeClock();
    const pace = new ProjectionPace(clock.now);
    pace.started(7);
    for (let i = 0; i < 60; i++) {
      clock.advance(60_000);
      pace.idle();
    }
    clock.advance(200);
    expect(pace.assess(lag(7, 12), 'live', undefined, policy)).toMatchObject({ state: 'catching-up', stalledForMs: 200 });
  });

  it('names the last error when a failing projection is stuck, and stays ready while the failure is recent', () => {
    const clock = fakeClock();
    const pace = new ProjectionPace(clock.now);
    pace.started(3);
    clock.advance(5_000);
    const failure = new Error('relation "demo" does not exist');
    expect(pace.assess(lag(3, 9), 'failing', failure, policy)).toMatchObject({
      state: 'catching-up',
      lastError: 'relation "demo" does not exist',
    });
    clock.advance(25_000);
    expect(pace.assess(lag(3, 9), 'failing', failure, policy)).toMatchObject({
      state: 'stuck',
      cause: 'no progress for 30 s while 6 event(s) behind; last error: relation "demo" does not exist',
    });
  });

  it('is stuck at once when it is behind and not running, and keeps reporting parked events as they are', () => {
    const pace = new ProjectionPace(fakeClock().now);
    expect(pace.assess(lag(4, 6, 2), 'stopped', undefined, policy)).toMatchObject({
      state: 'stuck',
      parked: 2,
      cause: 'the projection is not running',
    });
    expect(pace.assess(lag(6, 6, 2), 'live', undefined, policy)).toEqual({ ...lag(6, 6, 2), status: 'live', state: 'caught-up' });
  });

  it('measures the rate over the last minute only', () => {
    const clock = fakeClock();
    const pace = new ProjectionPace(clock.now);
    pace.started(0);
    clock.advance(1000);
    pace.advanced(10_000); // a burst long ago
    for (let i = 1; i <= 120; i++) {
      clock.advance(1000);
      pace.advanced(10_000 + i * 10);
    }
    expect(pace.assess(lag(11_200, 12_000), 'catching-up', undefined, policy).eventsPerSecond).toBe(10);
  });
});

describe('projection runner and daemon readiness (fake clock, in-memory event store double, PGlite read models)', () => {
  const readModels = pgliteReadModels();

  /** The applied-events projection at `version`, unable to apply the tick numbered `failing` until repaired. */
  function failingOnTickUntilRepaired(version: number, failing: number) {
    let broken = true;
    const projection = appliedEventsProjectionAround(version, async (n, apply) => {
      if (broken && n === failing) throw new Error(`cannot apply tick ${failing}`);
      await apply();
    });
    return { projection, repair: () => void (broken = false) };
  }

  it('a runner that cannot apply an event is catching up at first, then stuck naming the error; it is caught up once past it', async () => {
    const clock = fakeClock();
    const { projection, repair } = failingOnTickUntilRepaired(71, 3);
    const store = await storeWithTicks(6);
    const runner = new ProjectionRunner({
      store,
      orm: readModels.orm,
      projection,
      batchSize: 2,
      parkAfterAttempts: false,
      clock: clock.now,
      pollIntervalMs: 5,
    });
    await runner.start();
    try {
      await runner.waitFor(2);
      await new Promise((r) => setTimeout(r, 200));
      expect(await runner.readiness(policy)).toMatchObject({
        checkpoint: 2,
        lag: 4,
        status: 'failing',
        state: 'catching-up',
        lastError: 'cannot apply tick 3',
      });
      clock.advance(30_000);
      expect(await runner.readiness(policy)).toMatchObject({
        state: 'stuck',
        cause: 'no progress for 30 s while 4 event(s) behind; last error: cannot apply tick 3',
      });
      repair();
      runner.poke();
      await runner.waitFor(6, 40_000);
      expect(await runner.readiness(policy)).toMatchObject({ state: 'caught-up', lag: 0 });
    } finally {
      await runner.stop();
    }
  }, 60_000);

  it('keeps the daemon ready while a projection is behind and was moving a moment ago, and fails it once stuck', async () => {
    const clock = fakeClock();
    const { projection, repair } = failingOnTickUntilRepaired(72, 150);
    const store = new InMemoryEventStore();
    const daemon = new ProjectionDaemon({
      store,
      orm: readModels.orm,
      projections: [projection],
      batchSize: 50,
      parkAfterAttempts: false,
      pollIntervalMs: 5,
      clock: clock.now,
    });
    const health = daemon.healthIndicator();
    await appendTicks(store, 300);
    await daemon.start();
    await daemon.waitFor(150);
    await new Promise((r) => setTimeout(r, 200));
    // 150 behind, its last batch a moment ago (by the fake clock): ready, and the details say how it is doing.
    await expect(health.check(policy)).resolves.toEqual({
      'demo.applied-events_v72': {
        lag: 150,
        status: 'failing',
        state: 'catching-up',
        eventsPerSecond: 0,
        stalledForMs: 0,
        lastError: 'cannot apply tick 150',
      },
    });
    clock.advance(30_000);
    await expect(health.check(policy)).rejects.toThrow(
      'projections not ready: demo.applied-events_v72 (lag 150, stuck: no progress for 30 s while 150 event(s) behind; last error: cannot apply tick 150)',
    );
    repair();
    daemon.poke();
    await daemon.waitFor(300, 40_000);
    await expect(health.check(policy)).resolves.toEqual({ 'demo.applied-events_v72': { lag: 0, status: expect.any(String) } });
    await daemon.stop();
    await appendTicks(store, 2, 300);
    await expect(health.check(policy)).rejects.toThrow(/demo.applied-events_v72 \(lag 2, stuck: the projection is not running\)/);
  }, 60_000);
});
