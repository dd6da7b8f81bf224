import { NO_STREAM } from '../expected-revision';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { seatsDecider } from '../testing/__fixtures__/seats-decider';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { createCommandHandler } from './command-handler';
import type { CommandContext } from './command-context';
import { isRevisionConflict } from './revision-conflict';

const context: CommandContext = {
  actor: { subject: 'admin-1', role: 'institution-admin', institution: 'inst-a' },
  correlationId: 'corr-1',
  commandId: 'cmd-1',
};
const clock = () => new Date('2026-02-02T10:00:00.000Z');
const stream = 'demo.course-c1';

function setup(overrides: Partial<Parameters<typeof createCommandHandler>[0]> = {}) {
  const store = new InMemoryEventStore();
  const handler = createCommandHandler({ store, decider: seatsDecider, clock, backoff: () => 0, ...overrides });
  return { store, handler };
}

/** Makes a competing writer reserve learner l0's seat once, just before the handler's next append (at revision 0). */
function aCompetitorReservesFirst(store: InMemoryEventStore): void {
  let raced = false;
  store.beforeAppend = async () => {
    if (raced) return;
    raced = true;
    await store.appendToStream(
      stream,
      [
        {
          type: 'demo.seat-reserved',
          data: { courseId: 'c1', learnerId: 'l0' },
          metadata: { occurredAt: 'x', actor: { subject: 's' }, correlationId: 'c' },
        },
      ],
      {
        expectedRevision: 0,
      },
    );
  };
}

describe('command handler (in-memory event store double)', () => {
  it('appends to a new stream, then at the exact revision, stamping metadata', async () => {
    const { store, handler } = setup();
    const first = await handler.handle(stream, { kind: 'open', courseId: 'c1', capacity: 2 }, context);
    expect(first).toMatchObject({ nextRevision: 0, lastPosition: 1, attempts: 1, state: { opened: true } });
    const second = await handler.handle(stream, { kind: 'reserve', courseId: 'c1', learnerId: 'l1' }, { ...context, causationId: 'evt-9' });
    expect(second.nextRevision).toBe(1);

    const [opened, reserved] = await store.readStream(stream);
    expect(opened.eventId).toBe(first.events[0].eventId);
    expect(opened.metadata).toEqual({
      occurredAt: '2026-02-02T10:00:00.000Z',
      actor: context.actor,
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      institution: 'inst-a',
    });
    expect(opened.data).toMatchObject({ openedAt: '2026-02-02T10:00:00.000Z' });
    expect(reserved.metadata.causationId).toBe('evt-9');
  });

  it('uses the context instant when given', async () => {
    const { store, handler } = setup();
    await handler.handle(stream, { kind: 'open', courseId: 'c1', capacity: 1 }, { ...context, occurredAt: '2020-01-01T00:00:00Z' });
    const [e] = await store.readStream(stream);
    expect(e.metadata.occurredAt).toBe('2020-01-01T00:00:00.000Z');
  });

  it('appends nothing when the decision produced no event', async () => {
    const { store, handler } = setup();
    await handler.handle(stream, { kind: 'open', courseId: 'c1', capacity: 1 }, context);
    const r = await handler.handle(stream, { kind: 'release', courseId: 'c1', learnerId: 'nobody' }, context);
    expect(r).toMatchObject({ events: [], nextRevision: 0 });
    expect(r.lastPosition).toBeUndefined();
    expect(await store.headPosition()).toBe(1);
  });

  it('writes new events at the current schema version', async () => {
    const upcasters = new UpcasterRegistry().declareCurrent('demo.course-opened', 4);
    const { store, handler } = setup({ upcasters });
    await handler.handle(stream, { kind: 'open', courseId: 'c1', capacity: 1 }, context);
    expect((await store.readStream(stream))[0].schemaVersion).toBe(4);
  });

  it('upcasts old events before evolving', async () => {
    const { store } = setup();
    await store.appendToStream(
      stream,
      [
        {
          type: 'demo.course-opened',
          schemaVersion: 1,
          data: { courseId: 'c1', seats: 1 },
          metadata: { occurredAt: 'x', actor: { subject: 's' }, correlationId: 'c' },
        },
      ],
      { expectedRevision: NO_STREAM },
    );
    const upcasters = new UpcasterRegistry().register<{ courseId: string; seats: number }>('demo.course-opened', 1, (d) => ({
      courseId: d.courseId,
      capacity: d.seats,
      openedAt: 'unknown',
    }));
    const handler = createCommandHandler({ store, decider: seatsDecider, upcasters, clock });
    expect((await handler.load(stream)).state.capacity).toBe(1);
    await handler.handle(stream, { kind: 'reserve', courseId: 'c1', learnerId: 'l1' }, context);
    await expect(handler.handle(stream, { kind: 'reserve', courseId: 'c1', learnerId: 'l2' }, context)).rejects.toMatchObject({
      code: 'COURSE_FULL',
    });
  });

  it('retries on a revision conflict, deciding again on the fresh state', async () => {
    const { store, handler } = setup();
    await handler.handle(stream, { kind: 'open', courseId: 'c1', capacity: 1 }, context);
    aCompetitorReservesFirst(store);
    // The competitor took the last seat: the retry must decide on that and fail as a domain error.
    await expect(handler.handle(stream, { kind: 'reserve', courseId: 'c1', learnerId: 'l1' }, context)).rejects.toMatchObject({
      code: 'COURSE_FULL',
    });
    expect(await store.streamRevision(stream)).toBe(1);
  });

  it('reports success after a retry', async () => {
    const { store, handler } = setup();
    await handler.handle(stream, { kind: 'open', courseId: 'c1', capacity: 5 }, context);
    aCompetitorReservesFirst(store);
    const r = await handler.handle(stream, { kind: 'reserve', courseId: 'c1', learnerId: 'l1' }, context);
    expect(r).toMatchObject({ attempts: 2, nextRevision: 2, state: { learners: ['l0', 'l1'] } });
  });

  it('gives up after maxAttempts and surfaces the conflict', async () => {
    const { store, handler } = setup({ maxAttempts: 3 });
    await handler.handle(stream, { kind: 'open', courseId: 'c1', capacity: 99 }, context);
    let competitors = 0;
    let inside = false;
    store.beforeAppend = async () => {
      if (inside) return;
      inside = true;
      competitors++;
      await store.appendToStream(
        stream,
        [
          {
            type: 'demo.seat-reserved',
            data: { courseId: 'c1', learnerId: `x${competitors}` },
            metadata: { occurredAt: 'x', actor: { subject: 's' }, correlationId: 'c' },
          },
        ],
        {
          expectedRevision: competitors - 1,
        },
      );
      inside = false;
    };
    const error = await handler.handle(stream, { kind: 'reserve', courseId: 'c1', learnerId: 'l1' }, context).catch((e: unknown) => e);
    expect(isRevisionConflict(error)).toBe(true);
    expect(competitors).toBe(3);
  });

  it('does not retry other errors', async () => {
    const { handler } = setup();
    const decide = jest.spyOn(seatsDecider, 'decide');
    await expect(handler.handle(stream, { kind: 'reserve', courseId: 'c1', learnerId: 'l1' }, context)).rejects.toMatchObject({
      code: 'COURSE_NOT_OPEN',
    });
    expect(decide).toHaveBeenCalledTimes(1);
    decide.mockRestore();
  });

  it('reports a stale caller-stated revision at once, without retrying', async () => {
    const { store, handler } = setup();
    await handler.handle(stream, { kind: 'open', courseId: 'c1', capacity: 5 }, context);
    await handler.handle(stream, { kind: 'reserve', courseId: 'c1', learnerId: 'l1' }, context);
    const error = await handler
      .handle(stream, { kind: 'reserve', courseId: 'c1', learnerId: 'l2' }, context, { expectedRevision: 0 })
      .catch((e: unknown) => e);
    expect(isRevisionConflict(error)).toBe(true);
    expect(await store.streamRevision(stream)).toBe(1);
    const ok = await handler.handle(stream, { kind: 'reserve', courseId: 'c1', learnerId: 'l2' }, context, { expectedRevision: 1 });
    expect(ok.nextRevision).toBe(2);
  });

  it('refuses a context without actor or correlation id', async () => {
    const { handler } = setup();
    await expect(handler.handle(stream, { kind: 'open', courseId: 'c1', capacity: 1 }, { ...context, correlationId: '' })).rejects.toThrow(
      /correlation/,
    );
  });
});
