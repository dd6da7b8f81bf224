import type { ParkedEvent } from '@alliance/event-sourcing';
import { HealthRegistry } from './health-registry';

const parked = (position: number, projection: string): ParkedEvent => ({
  projection,
  eventId: `e${position}`,
  position,
  streamId: 'demo.thing-1',
  type: 'demo.happened',
  reason: 'cannot apply',
  errorName: 'Error',
  attempts: 3,
  parkedAt: '2026-06-30T12:00:00.000Z',
});

describe('health registry', () => {
  it('stays ready with parked events, naming the degraded check, and lists every parked event oldest first', async () => {
    const registry = new HealthRegistry('demo');
    registry.register({ name: 'eventStore', check: async () => ({ head: 9 }) });
    registry.register({ name: 'readModel', check: async () => ({ lag: 0, parked: 2 }), parkedEvents: async () => [parked(7, 'demo.b_v1'), parked(3, 'demo.a_v1')] });
    registry.register({ name: 'projections', check: async () => ({ degraded: 'one projection rebuilding' }), parkedEvents: async () => [parked(5, 'demo.c_v1')] });
    const report = await registry.report();
    expect(report.status).toBe('ok');
    expect(report.degraded).toEqual(['readModel: 2 event(s) parked; see GET /parked-events', 'projections: one projection rebuilding']);
    expect((await registry.parkedEvents()).map((p) => p.position)).toEqual([3, 5, 7]);
  });

  it('reports neither degraded nor parked events when every check is whole, and is unavailable when one is down', async () => {
    const registry = new HealthRegistry('demo');
    registry.register({ name: 'readModel', check: async () => ({ lag: 0 }) });
    expect(await registry.report()).toEqual({ status: 'ok', service: 'demo', checks: { readModel: { status: 'up', lag: 0 } } });
    expect(await registry.parkedEvents()).toEqual([]);
    registry.register({
      name: 'bus',
      check: async () => {
        throw new Error('broker down');
      },
    });
    expect(await registry.report()).toMatchObject({ status: 'unavailable', checks: { bus: { status: 'down', error: 'broker down' } } });
  });
});
