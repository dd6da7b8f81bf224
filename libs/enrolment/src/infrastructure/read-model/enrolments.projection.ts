import { defineProjection, insertIgnore, type ProjectionContext, type RecordedEvent } from '@alliance/event-sourcing';
import type { LearnerEvent } from '../../domain/learner/learner.events';
import { ENROLMENT_AGGREGATES } from '../../application/enrolment-aggregates';
import { EnrolmentRows } from './enrolment-rows';

type Data<T extends LearnerEvent['type']> = Extract<LearnerEvent, { type: T }>['data'];

/** Skips an event a row already reflects (replays), keyed on the learner stream's revision. */
async function update(
  event: RecordedEvent,
  ctx: ProjectionContext,
  where: Record<string, unknown>,
  changes: Record<string, unknown>,
): Promise<void> {
  const Rows = ctx.entity(EnrolmentRows);
  await ctx.em.nativeUpdate(Rows, { ...where, revision: { $lt: event.revision } }, { ...changes, revision: event.revision });
}

export const enrolmentsProjection = defineProjection({
  name: 'enrolment.enrolments',
  version: 1,
  readModels: [EnrolmentRows],
  streamPrefixes: [ENROLMENT_AGGREGATES.prefix.learner],
  handlers: {
    LearnerEnrolled: async (e: RecordedEvent<Data<'LearnerEnrolled'>>, ctx) => {
      const d = e.data;
      // Insert only: a replayed enrolment must not undo what later events of the stream changed.
      await insertIgnore(ctx.em, ctx.entity(EnrolmentRows), 'enrolmentId', {
        enrolmentId: d.enrolmentId,
        learnerId: d.learnerId,
        credentialSpecId: d.credentialSpecId,
        specVersion: d.specVersion,
        institutionId: d.institutionId,
        status: 'active',
        identity: d.identity,
        learnerErased: false,
        consentGivenAt: d.consent.givenAt,
        consentTextVersion: d.consent.textVersion,
        prerequisitesMet: d.prerequisitesMet,
        enrolledAt: d.enrolledAt,
        enrolledBy: e.metadata.actor.subject,
        withdrawnAt: null,
        withdrawalReason: null,
        completedAt: null,
        credentialId: null,
        transfers: [],
        revision: e.revision,
      });
    },
    EnrolmentWithdrawn: async (e: RecordedEvent<Data<'EnrolmentWithdrawn'>>, ctx) => {
      await update(
        e,
        ctx,
        { enrolmentId: e.data.enrolmentId },
        { status: 'withdrawn', withdrawnAt: e.data.withdrawnAt, withdrawalReason: e.data.reason },
      );
    },
    EnrolmentCompleted: async (e: RecordedEvent<Data<'EnrolmentCompleted'>>, ctx) => {
      await update(
        e,
        ctx,
        { enrolmentId: e.data.enrolmentId },
        { status: 'completed', completedAt: e.data.completedAt, credentialId: e.data.credentialId },
      );
    },
    EnrolmentTransferred: async (e: RecordedEvent<Data<'EnrolmentTransferred'>>, ctx) => {
      const Rows = ctx.entity(EnrolmentRows);
      const row = await ctx.em.findOne(Rows, { enrolmentId: e.data.enrolmentId });
      if (!row || row.revision >= e.revision) return;
      const d = e.data;
      const transfer = {
        fromVersion: d.fromVersion,
        toVersion: d.toVersion,
        reason: d.reason,
        at: d.transferredAt,
        by: e.metadata.actor.subject,
      };
      await update(e, ctx, { enrolmentId: d.enrolmentId }, { specVersion: d.toVersion, transfers: [...row.transfers, transfer] });
    },
    LearnerErased: async (e: RecordedEvent<Data<'LearnerErased'>>, ctx) => {
      // The key is gone already; dropping the sealed copy too leaves nothing personal in the read model.
      await update(e, ctx, { learnerId: e.data.learnerId }, { identity: null, learnerErased: true });
    },
  },
});
