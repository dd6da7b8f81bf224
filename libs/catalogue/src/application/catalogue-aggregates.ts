import {
  aggregatesClass,
  type Decider,
  decisionEvents,
  defineAggregates,
  type DomainEvent,
  type EventStore,
} from '@alliance/event-sourcing';
import { EVENT_STORE } from '@alliance/service-runtime';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { credentialSpecDecider } from '../domain/credential-spec/credential-spec.decider';
import { institutionDecider } from '../domain/institution/institution.decider';
import { assertPublishable } from '../infrastructure/outbox/catalogue-integration-events';
import { ReadModelSync } from './read-model-sync';

/** Injection token of the clock deciders use; tests replace it to make time explicit. */
export const CATALOGUE_CLOCK = Symbol('CATALOGUE_CLOCK');

/** The catalogue's aggregates: streams `catalogue.institution-<id>` and `catalogue.credential-spec-<id>`. */
export const CATALOGUE_AGGREGATES = defineAggregates('catalogue', {
  institution: { decider: publishable(institutionDecider) },
  credentialSpec: { decider: publishable(credentialSpecDecider) },
});

/** The aggregate id from a stream id of one of the catalogue's aggregates. */
export function aggregateIdOf(streamId: string): string {
  const { institution, credentialSpec } = CATALOGUE_AGGREGATES.prefix;
  return streamId.slice((streamId.startsWith(institution) ? institution : credentialSpec).length);
}

/**
 * The catalogue's aggregates on the kernel's command handler (`aggregates.institution.handle(id, command, context)`):
 * every append waits until the read models include it.
 */
@Injectable()
export class CatalogueAggregates extends aggregatesClass(CATALOGUE_AGGREGATES) {
  constructor(@Inject(EVENT_STORE) store: EventStore, sync: ReadModelSync, @Optional() @Inject(CATALOGUE_CLOCK) clock?: () => Date) {
    super(store, { clock, afterAppend: (position) => sync.caughtUp(position) });
  }
}

/** The decider, with every event it decides checked against its public contract before it is appended. */
function publishable<C, S, E extends DomainEvent>(decider: Decider<C, S, E>): Decider<C, S, E> {
  return {
    ...decider,
    decide(command, state, context) {
      const events = decisionEvents(decider.decide(command, state, context));
      for (const event of events) assertPublishable(event.type, event.data);
      return events;
    },
  };
}
