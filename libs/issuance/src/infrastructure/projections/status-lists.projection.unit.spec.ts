import { projectionSpecification } from '@alliance/event-sourcing';
import { credentialLifecycleEvents } from './__fixtures__/credential-events.fixture';
import { statusListsProjection } from './status-lists.projection';
import { StatusEntryRows, StatusListRows } from './status-rows';
import { pgliteReadModelForSpecs } from '../../__fixtures__/pglite-read-model.fixture';

describe('status lists projection (replayed twice)', () => {
  const readModel = pgliteReadModelForSpecs();
  const spec = () => projectionSpecification({ orm: readModel(), projection: statusListsProjection });

  it('sets the suspension bit and clears it, and sets the revocation bit for good', async () => {
    await spec()
      .given(credentialLifecycleEvents().slice(0, 6))
      .then(async ({ rows }) =>
        expect(await rows(StatusEntryRows)).toEqual([
          { id: 'L1:5', list_id: 'L1', status_index: 5, credential_id: 'c1', revoked: false, suspended: true },
        ]),
      );
    await spec()
      .given(credentialLifecycleEvents())
      .then(async ({ rows }) => {
        expect(await rows(StatusEntryRows)).toEqual([
          { id: 'L1:5', list_id: 'L1', status_index: 5, credential_id: 'c1', revoked: true, suspended: false },
        ]);
        expect(await rows(StatusListRows)).toEqual([
          expect.objectContaining({ list_id: 'L1', seq: 1, length: 131072, changed_position: 8 }),
        ]);
      });
  });
});
