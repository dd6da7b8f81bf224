import { ANY_REVISION } from '../expected-revision';
import { InMemoryEventStore } from './in-memory-event-store';
import { processManagerSpecification, type ProcessUnderSpec } from './process-manager-specification';
import { courseStream, waitlistProcess, type WaitlistMessage } from './__fixtures__/waitlist-process';

const spec = processManagerSpecification({ setUp: () => waitlistProcess(['l2', 'l3']) });
const request = (command: Extract<WaitlistMessage, { type: 'request' }>['command']): WaitlistMessage => ({ type: 'request', command });
const open = request({ kind: 'open', courseId: 'c1', capacity: 1 });
const reserve = (learnerId: string) => request({ kind: 'reserve', courseId: 'c1', learnerId });
const release = (learnerId: string) => request({ kind: 'release', courseId: 'c1', learnerId });

/** A process that appends one event per message without looking: delivering again shows up at once. */
function counting(): ProcessUnderSpec<string> {
  const store = new InMemoryEventStore();
  const metadata = { occurredAt: '2026-01-01T00:00:00.000Z', actor: { subject: 'spec' }, correlationId: 'spec' };
  return {
    store,
    handle: async (m) =>
      void (await store.appendToStream('demo.ticks', [{ type: 'demo.tick', data: { m }, metadata }], { expectedRevision: ANY_REVISION })),
  };
}

describe('process manager specification (given / when / then)', () => {
  it('records what the process appended and sent, including what it followed from its own log', async () => {
    await spec
      .given([open, reserve('l1')])
      .when(release('l1'))
      .then({
        events: [
          { type: 'demo.seat-released', streamId: courseStream('c1'), data: { learnerId: 'l1' } },
          { type: 'demo.seat-reserved', data: { learnerId: 'l2' } },
        ],
        commands: [
          { kind: 'release', learnerId: 'l1' },
          { kind: 'reserve', courseId: 'c1', learnerId: 'l2' },
        ],
      });
  });

  it('does not count what the given messages caused', async () => {
    await spec
      .given([open, reserve('l1'), release('l1')])
      .when(reserve('l9'))
      .thenThrows('COURSE_FULL');
    await spec
      .given([open])
      .when(reserve('l1'))
      .then({ events: [{ type: 'demo.seat-reserved' }], commands: [{ kind: 'reserve' }] });
  });

  it('accepts a message that changes nothing, and rejections by code, class, pattern or predicate', async () => {
    await spec.given([open]).when(release('l1')).thenNothingHappened();
    const unopened = spec.given([]).when(reserve('l1'));
    await unopened.thenThrows('COURSE_NOT_OPEN');
    await unopened.thenThrows(/not open/);
    await unopened.thenThrows((e) => (e as { status?: number }).status === 422);
  });

  it('hands out the emissions and the process for free-form assertions, with asymmetric matchers in patterns', async () => {
    await spec
      .given([open, reserve('l1')])
      .when(release('l1'))
      .thenEmitted(async ({ events, commands }, process) => {
        expect(events.map((e) => e.type)).toEqual(['demo.seat-released', 'demo.seat-reserved']);
        expect(commands).toHaveLength(2);
        expect((await process.store.readStream(courseStream('c1'))).length).toBe(4);
      });
    await spec
      .given([open])
      .when(reserve('l1'))
      .then({ events: [{ type: 'demo.seat-reserved', data: { learnerId: expect.any(String) } }] });
  });

  it('lets the views the process reads catch up before every message, followed ones included', async () => {
    const settled: number[] = [];
    let process!: ProcessUnderSpec<WaitlistMessage>;
    const watched = processManagerSpecification({
      setUp: () => (process = waitlistProcess(['l2'], async () => void settled.push(await process.store.headPosition()))),
      redeliver: false,
    });
    await watched
      .given([open, reserve('l1')])
      .when(release('l1'))
      .thenEmitted(() => undefined);
    // open, reserve, release, then the followed release once the release event (position 3) was in the log.
    expect(settled).toEqual([0, 1, 2, 3]);
  });

  describe('fails with a message that says what differs', () => {
    const released = spec.given([open, reserve('l1')]).when(release('l1'));

    it('names the first differing field, and lists both sides', async () => {
      await expect(
        released.then({ events: [{ type: 'demo.seat-released' }, { type: 'demo.seat-reserved', data: { learnerId: 'l3' } }] }),
      ).rejects.toThrow(
        /events 2: data\.learnerId: expected 'l3', got 'l2'[\s\S]*Expected:[\s\S]*Emitted:\n {2}1\. demo\.seat-released on demo\.course-c1/,
      );
      await expect(released.then({ commands: [{ kind: 'release' }, { kind: 'open' }] })).rejects.toThrow(
        /commands 2: kind: expected 'open', got 'reserve'/,
      );
      await expect(
        released.then({
          events: [{ type: 'demo.seat-released', data: { learnerId: expect.stringMatching(/^l9$/) } }, { type: 'demo.seat-reserved' }],
        }),
      ).rejects.toThrow(/events 1: data\.learnerId: expected StringMatching \/\^l9\$\/, got 'l1'/);
    });

    it('counts missing and unexpected emissions', async () => {
      await expect(released.then({ events: [{ type: 'demo.seat-released' }] })).rejects.toThrow(/expected 1 events, got 2/);
      await expect(released.thenNothingHappened()).rejects.toThrow(/append nothing, but it appended:\n {2}1\. demo\.seat-released/);
      await expect(released.thenThrows('COURSE_FULL')).rejects.toThrow(
        /code COURSE_FULL, but the process appended demo\.seat-released, demo\.seat-reserved/,
      );
      await expect(spec.given([]).when(reserve('l1')).thenThrows('COURSE_FULL')).rejects.toThrow(/code COURSE_FULL, got: .*not open/);
    });

    it('catches a process that is not idempotent when the message comes again', async () => {
      const ticks = processManagerSpecification({ setUp: counting });
      await expect(
        ticks
          .given([])
          .when('tick')
          .then({ events: [{ type: 'demo.tick' }] }),
      ).rejects.toThrow(/not idempotent: delivering 'tick' again appended:\n {2}1\. demo\.tick on demo\.ticks \{ m: 'tick' \}/);
      await processManagerSpecification({ setUp: counting, redeliver: false })
        .given([])
        .when('tick')
        .then({ events: [{ type: 'demo.tick', data: { m: 'tick' } }] });
    });

    it('stops a process that keeps reacting to what it appends', async () => {
      const looping = processManagerSpecification({
        setUp: () => ({ ...counting(), follows: (e) => `after ${e.position}` }),
        maxFollowed: 5,
        redeliver: false,
      });
      await expect(
        looping
          .given([])
          .when('tick')
          .thenEmitted(() => undefined),
      ).rejects.toThrow(/After 'tick' the process followed more than 5 of its own events/);
    });
  });
});
