import { deciderSpecification, SPEC_CONTEXT } from '../testing/decider-specification';
import { SeatsError, seatsDecider, type SeatsEvent } from '../testing/__fixtures__/seats-decider';

const spec = deciderSpecification(seatsDecider);
const opened: SeatsEvent = {
  type: 'demo.course-opened',
  data: { courseId: 'c1', capacity: 1, openedAt: SPEC_CONTEXT.now.toISOString() },
};
const reserved = (learnerId: string): SeatsEvent => ({ type: 'demo.seat-reserved', data: { courseId: 'c1', learnerId } });

describe('decider specification (given / when / then)', () => {
  it('opens a course, stamping the decision instant', () => {
    spec.given([]).when({ kind: 'open', courseId: 'c1', capacity: 1 }).then(opened);
  });

  it('reserves a seat in an open course', () => {
    spec
      .given([opened])
      .when({ kind: 'reserve', courseId: 'c1', learnerId: 'l1' })
      .then([reserved('l1')]);
  });

  it('treats a repeated reservation as a no-op', () => {
    spec
      .given([opened, reserved('l1')])
      .when({ kind: 'reserve', courseId: 'c1', learnerId: 'l1' })
      .thenNothingHappened();
  });

  it('rejects by code, class, message and predicate', () => {
    const full = spec.given([opened, reserved('l1')]).when({ kind: 'reserve', courseId: 'c1', learnerId: 'l2' });
    full.thenThrows('COURSE_FULL');
    full.thenThrows(SeatsError);
    full.thenThrows(/No seat/);
    full.thenThrows((e) => (e as SeatsError).status === 422);
  });

  it('exposes the resulting state', () => {
    spec
      .given([opened])
      .when({ kind: 'reserve', courseId: 'c1', learnerId: 'l1' })
      .thenState((s) => expect(s.learners).toEqual(['l1']));
  });

  it('fails loudly when expectations are not met', () => {
    const when = spec.given([opened]).when({ kind: 'reserve', courseId: 'c1', learnerId: 'l1' });
    expect(() => when.then([reserved('l2')])).toThrow();
    expect(() => when.thenThrows('COURSE_FULL')).toThrow(/produced/);
    expect(() => spec.given([]).when({ kind: 'reserve', courseId: 'c1', learnerId: 'l1' }).thenThrows('COURSE_FULL')).toThrow(
      /COURSE_FULL/,
    );
  });

  it('uses the context given to when', () => {
    const now = new Date('2030-05-05T00:00:00.000Z');
    spec
      .given([])
      .when({ kind: 'open', courseId: 'c1', capacity: 1 }, { now })
      .then({ ...opened, data: { ...opened.data, openedAt: now.toISOString() } } as SeatsEvent);
  });
});
