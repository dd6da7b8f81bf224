import { DomainError } from '../../domain-error';
import { defineDecider, type DomainEvent } from '../../decider/decider';

// A deliberately small aggregate (a course with limited seats) used by the kernel's own specs.

export type SeatsEvent =
  | DomainEvent<'demo.course-opened', { courseId: string; capacity: number; openedAt: string }>
  | DomainEvent<'demo.seat-reserved', { courseId: string; learnerId: string }>
  | DomainEvent<'demo.seat-released', { courseId: string; learnerId: string }>;

export type SeatsCommand =
  | { kind: 'open'; courseId: string; capacity: number }
  | { kind: 'reserve'; courseId: string; learnerId: string }
  | { kind: 'release'; courseId: string; learnerId: string };

export interface SeatsState {
  opened: boolean;
  capacity: number;
  learners: string[];
}

export class SeatsError extends DomainError {}

export const seatsDecider = defineDecider<SeatsCommand, SeatsState, SeatsEvent>({
  initialState: () => ({ opened: false, capacity: 0, learners: [] }),
  decide(command, state, { now }) {
    switch (command.kind) {
      case 'open':
        if (state.opened) throw new SeatsError('COURSE_ALREADY_OPEN', 'The course is already open', 409);
        return {
          type: 'demo.course-opened',
          data: { courseId: command.courseId, capacity: command.capacity, openedAt: now.toISOString() },
        };
      case 'reserve':
        if (!state.opened) throw new SeatsError('COURSE_NOT_OPEN', 'The course is not open');
        if (state.learners.includes(command.learnerId)) return [];
        if (state.learners.length >= state.capacity) throw new SeatsError('COURSE_FULL', 'No seat left');
        return [{ type: 'demo.seat-reserved', data: { courseId: command.courseId, learnerId: command.learnerId } }];
      case 'release':
        if (!state.learners.includes(command.learnerId)) return [];
        return [{ type: 'demo.seat-released', data: { courseId: command.courseId, learnerId: command.learnerId } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'demo.course-opened':
        return { ...state, opened: true, capacity: event.data.capacity };
      case 'demo.seat-reserved':
        return { ...state, learners: [...state.learners, event.data.learnerId] };
      case 'demo.seat-released':
        return { ...state, learners: state.learners.filter((l) => l !== event.data.learnerId) };
    }
  },
});
