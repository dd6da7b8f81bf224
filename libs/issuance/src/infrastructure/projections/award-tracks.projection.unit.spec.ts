import { projectionSpecification } from '@alliance/event-sourcing';
import { stackSpec } from '../../domain/__fixtures__/specs.fixture';
import { AwardTrackRows, StackPartRows } from './award-track-rows';
import { awardTracksProjection } from './award-tracks.projection';
import { pgliteReadModelForSpecs } from '../../__fixtures__/pglite-read-model.fixture';

describe('award tracks projection (replayed twice)', () => {
  const readModel = pgliteReadModelForSpecs();

  it('keeps a track that facts opened before the enrolment, then fills it in', async () => {
    const learner = { learnerId: 'l1', name: 'Ada Lovelace' };
    await projectionSpecification({ orm: readModel(), projection: awardTracksProjection })
      .given([
        { type: 'ComponentResultRecorded', data: { awardId: 'e1', result: { componentCode: 'X' } } },
        { type: 'AwardTrackOpened', data: { awardId: 'e1', learner, specId: 's1', specVersion: 1, openedAt: 'x' } },
        {
          type: 'AwardGranted',
          data: { awardId: 'e1', credentialId: 'c1', learner, specId: 's1', specVersion: 1, awardedAt: 'x', grades: [] },
        },
        { type: 'SpecVersionLearned', data: { spec: stackSpec } },
      ])
      .then(async ({ rows }) => {
        expect(await rows(AwardTrackRows)).toEqual([
          { award_id: 'e1', learner_id: 'l1', spec_id: 's1', spec_version: 1, opened: true, closed: false, current_credential_id: 'c1' },
        ]);
        expect((await rows(StackPartRows)).map((r) => r.part_spec_id)).toEqual(['spec-c', 'spec-joint']);
      });
  });
});
