import { defineEntity, p } from '@mikro-orm/core';
import { defineProjection } from '../../projection/projection';
import { defineReadModel } from '../../read-model/versioned-read-model';

// Deliberately NOT idempotent: each application increments a counter, so any event handled twice
// (lost checkpoint, two runners, crash between handler and checkpoint) shows up as applications = 2.

export const AppliedEventRows = defineReadModel('demo_applied_events', ({ name, tableName }) =>
  defineEntity({
    name,
    tableName,
    properties: {
      eventId: p.string().primary(),
      position: p.bigint('number'),
      applications: p.integer(),
    },
  }),
);

export const appliedEventsProjection = defineProjection({
  name: 'demo.applied-events',
  version: 1,
  readModels: [AppliedEventRows],
  handlers: {
    'demo.tick': async (e, { em, table }) => {
      await em.execute(
        `insert into ${table(AppliedEventRows)} (event_id, position, applications) values (?, ?, 1)
         on conflict (event_id) do update set applications = ${table(AppliedEventRows)}.applications + 1`,
        [e.eventId, e.position],
        'run',
      );
    },
  },
});
