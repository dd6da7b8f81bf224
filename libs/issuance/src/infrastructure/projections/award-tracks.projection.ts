import { defineProjection, type ProjectionContext, type RecordedEvent } from '@alliance/event-sourcing';
import type {
  AwardGranted,
  AwardRescinded,
  AwardTrackClosed,
  AwardTrackOpened,
  AwardTrackTransferred,
  ComponentResultRecorded,
  StackPartRecorded,
} from '../../domain/award/award.events';
import type { SpecVersionLearned } from '../../domain/knowledge/knowledge.events';
import { AwardTrackRows, StackPartRows } from './award-track-rows';

type Data<E extends { data: unknown }> = RecordedEvent<E['data']>;

const pending = { learnerId: null, specId: null, specVersion: null, opened: false, closed: false, currentCredentialId: null };

// Facts can open a track before the enrolment does; insert a pending row without touching an existing one.
async function ensureRow(awardId: string, { em, entity }: ProjectionContext): Promise<void> {
  if (!(await em.findOne(entity(AwardTrackRows), { awardId }))) await em.upsert(entity(AwardTrackRows), { awardId, ...pending });
}

async function update(awardId: string, ctx: ProjectionContext, changes: Record<string, unknown>): Promise<void> {
  await ensureRow(awardId, ctx);
  await ctx.em.nativeUpdate(ctx.entity(AwardTrackRows), { awardId }, changes);
}

export const awardTracksProjection = defineProjection({
  name: 'issuance.award-tracks',
  version: 1,
  readModels: [AwardTrackRows, StackPartRows],
  handlers: {
    AwardTrackOpened: async (e: Data<AwardTrackOpened>, ctx) =>
      update(e.data.awardId, ctx, {
        learnerId: e.data.learner.learnerId,
        specId: e.data.specId,
        specVersion: e.data.specVersion,
        opened: true,
      }),
    AwardTrackTransferred: async (e: Data<AwardTrackTransferred>, ctx) =>
      update(e.data.awardId, ctx, { specId: e.data.specId, specVersion: e.data.specVersion }),
    ComponentResultRecorded: async (e: Data<ComponentResultRecorded>, ctx) => ensureRow(e.data.awardId, ctx),
    StackPartRecorded: async (e: Data<StackPartRecorded>, ctx) => ensureRow(e.data.awardId, ctx),
    AwardGranted: async (e: Data<AwardGranted>, ctx) => update(e.data.awardId, ctx, { currentCredentialId: e.data.credentialId }),
    AwardRescinded: async (e: Data<AwardRescinded>, ctx) => update(e.data.awardId, ctx, { currentCredentialId: null }),
    AwardTrackClosed: async (e: Data<AwardTrackClosed>, ctx) => update(e.data.awardId, ctx, { closed: true }),
    SpecVersionLearned: async (e: Data<SpecVersionLearned>, { em, entity }) => {
      const { specId, version, stackParts } = e.data.spec;
      for (const part of stackParts ?? []) {
        await em.upsert(entity(StackPartRows), {
          id: `${specId}@${version}:${part.credentialSpecId}`,
          partSpecId: part.credentialSpecId,
          stackSpecId: specId,
          stackVersion: version,
        });
      }
    },
  },
});
