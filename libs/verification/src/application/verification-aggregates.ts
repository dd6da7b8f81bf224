import { aggregatesClass, defineAggregates, type EventStore, streamName } from '@alliance/event-sourcing';
import { EVENT_STORE } from '@alliance/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { verificationDecider } from '../domain/verification/verification.decider';

/** Verification's aggregate: one stream per recorded verification, `verification.verification-<verificationId>`. */
export const VERIFICATION_AGGREGATES = defineAggregates('verification', {
  verification: { decider: verificationDecider },
});

/**
 * Streams of counted verifications (`verification.tally-<id>`): plain appends of counts, one stream per flush.
 * Nothing decides on them, so they are not an aggregate.
 */
export const tallyStream = (id: string): string => streamName(VERIFICATION_AGGREGATES.context, 'tally', id);

/** Verification's aggregates on the kernel's command handler (`aggregates.verification.handle(id, command, context)`). */
@Injectable()
export class VerificationAggregates extends aggregatesClass(VERIFICATION_AGGREGATES) {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store);
  }
}
