import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { seatsDecider, SeatsError } from '../testing/__fixtures__/seats-decider';
import { defineAggregates } from './aggregates';
import type { CommandContext } from './command-context';

const context: CommandContext = {
  actor: { subject: 'admin-1', role: 'institution-admin', institution: 'inst-a' },
  correlationId: 'corr-1',
};
const clock = () => new Date('2026-02-02T10:00:00.000Z');

const DEMO = defineAggregates('demo', {
  course: { decider: seatsDecider, backoff: () => 0 },
  courseSection: {
    decider: seatsDecider,
    id: (key: { courseId: string; section: number }) => `${key.courseId}-${key.section}`,
    refusal: (error: unknown, command: { kind: string }) =>
      error instanceof SeatsError && command.kind === 'reserve' ? new RangeError(`refused: ${error.code}`) : error,
  },
});

describe('defineAggregates', () => {
  it('names every stream by one rule, the aggregate type in kebab case, with prefixes and auditor foldings to match', () => {
    expect(DEMO.stream.course('c1')).toBe('demo.course-c1');
    expect(DEMO.stream.courseSection({ courseId: 'c1', section: 2 })).toBe('demo.course-section-c1-2');
    expect(DEMO.prefix).toEqual({ course: 'demo.course-', courseSection: 'demo.course-section-' });
    expect(DEMO.foldings.map((f) => f.streamPrefix)).toEqual(['demo.course-', 'demo.course-section-']);
    expect(() => DEMO.stream.course('')).toThrow(RangeError);
  });

  it('handles by key: appends to the declared stream, answers the domain events and the recorded ones, then waits for the read side', async () => {
    const store = new InMemoryEventStore();
    const waited: number[] = [];
    const aggregates = DEMO.open(store, { clock, afterAppend: async (p) => void waited.push(p) });

    const opened = await aggregates.course.handle('c1', { kind: 'open', courseId: 'c1', capacity: 1 }, context);
    expect(opened.events).toEqual([
      { type: 'demo.course-opened', data: { courseId: 'c1', capacity: 1, openedAt: '2026-02-02T10:00:00.000Z' } },
    ]);
    expect(opened.recorded[0]).toMatchObject({ type: 'demo.course-opened', metadata: { correlationId: 'corr-1' } });
    expect(opened).toMatchObject({ streamId: 'demo.course-c1', nextRevision: 0, state: { opened: true, capacity: 1 } });
    expect(waited).toEqual([opened.lastPosition]);

    // Nothing appended: no wait.
    const again = await aggregates.course.handle('c1', { kind: 'release', courseId: 'c1', learnerId: 'nobody' }, context);
    expect(again.events).toEqual([]);
    expect(waited).toHaveLength(1);

    expect(await aggregates.course.state('c1')).toEqual({ opened: true, capacity: 1, learners: [] });
    expect((await aggregates.course.load('c1')).revision).toBe(0);
    expect((await aggregates.course.history('c1')).map((e) => e.streamId)).toEqual(['demo.course-c1']);
    expect(await aggregates.course.events('c1')).toEqual(opened.events);
  });

  it('decides without appending: the events handle would append, or its refusal', async () => {
    const store = new InMemoryEventStore();
    const aggregates = DEMO.open(store, { clock });
    await aggregates.course.handle('c1', { kind: 'open', courseId: 'c1', capacity: 1 }, context);

    const preview = await aggregates.course.decide('c1', { kind: 'reserve', courseId: 'c1', learnerId: 'l1' }, context);
    expect(preview.events).toEqual([{ type: 'demo.seat-reserved', data: { courseId: 'c1', learnerId: 'l1' } }]);
    expect(await store.readStream('demo.course-c1')).toHaveLength(1);
    await expect(aggregates.course.decide('c2', { kind: 'reserve', courseId: 'c2', learnerId: 'l1' }, context)).rejects.toThrow(SeatsError);
  });

  it("turns a refusal into the context's own error where the declaration says so", async () => {
    const aggregates = DEMO.open(new InMemoryEventStore(), { clock });
    const key = { courseId: 'c1', section: 1 };
    await expect(aggregates.courseSection.handle(key, { kind: 'reserve', courseId: 'c1', learnerId: 'l1' }, context)).rejects.toThrow(
      'refused: COURSE_NOT_OPEN',
    );
    await aggregates.courseSection.handle(key, { kind: 'open', courseId: 'c1', capacity: 1 }, context);
    await expect(aggregates.courseSection.handle(key, { kind: 'open', courseId: 'c1', capacity: 1 }, context)).rejects.toThrow(SeatsError);
  });
});
