import { aggregatesClass, defineAggregates, type EventStore } from '@alliance/event-sourcing';
import { EVENT_STORE } from '@alliance/service-runtime';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { learnerDecider } from '../domain/learner/learner.decider';
import { EnrolmentRecords } from './ports/enrolment-records.port';

/** Injection token of the clock deciders use; tests replace it to make time explicit. */
export const ENROLMENT_CLOCK = Symbol('ENROLMENT_CLOCK');

/** Enrolment's aggregate: one stream per learner, `enrolment.learner-<learnerId>`. */
export const ENROLMENT_AGGREGATES = defineAggregates('enrolment', {
  learner: { decider: learnerDecider },
});

/**
 * Enrolment's aggregates on the kernel's command handler (`aggregates.learner.handle(learnerId, command, context)`):
 * every append waits until the read model includes it.
 */
@Injectable()
export class EnrolmentAggregates extends aggregatesClass(ENROLMENT_AGGREGATES) {
  constructor(@Inject(EVENT_STORE) store: EventStore, records: EnrolmentRecords, @Optional() @Inject(ENROLMENT_CLOCK) clock?: () => Date) {
    super(store, { clock, afterAppend: (position) => records.caughtUp(position) });
  }
}
