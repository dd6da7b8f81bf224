import { projectionSpecification } from '@alliance/event-sourcing';
import { UNI_A, UNI_B } from '../../domain/__fixtures__/specs.fixture';
import { CredentialProofRows, CredentialRows } from './credential-rows';
import { credentialsProjection } from './credentials.projection';
import { credentialLifecycleEvents } from './__fixtures__/credential-events.fixture';
import { pgliteReadModelForSpecs } from '../../__fixtures__/pglite-read-model.fixture';

describe('credentials projection (replayed twice)', () => {
  const readModel = pgliteReadModelForSpecs();
  const spec = () => projectionSpecification({ orm: readModel(), projection: credentialsProjection });

  it('follows a credential from draft through proofs to revocation', async () => {
    await spec()
      .given(credentialLifecycleEvents())
      .then(async ({ rows }) => {
        const [row] = await rows(CredentialRows);
        expect(row).toMatchObject({
          credential_id: 'c1',
          learner_id: 'learner-1',
          spec_id: 'spec-joint',
          lead_institution_id: UNI_A,
          lifecycle: 'revoked',
          status_reason: 'superseded',
          superseded_by: 'c2',
          hash: 'abc',
          status_list_id: 'L1',
          status_index: 5,
        });
        expect((await rows(CredentialProofRows)).map((p) => [p.institution_id, p.position])).toEqual([
          [UNI_A, 3],
          [UNI_B, 4],
        ]);
      });
  });

  it('shows a suspended credential as suspended, and a reinstated one as issued again', async () => {
    const events = credentialLifecycleEvents().slice(0, 6);
    await spec()
      .given(events)
      .then(async ({ rows }) => expect((await rows(CredentialRows))[0]).toMatchObject({ lifecycle: 'suspended', status_reason: 'check' }));
    await spec()
      .given(credentialLifecycleEvents().slice(0, 7))
      .then(async ({ rows }) => expect((await rows(CredentialRows))[0]).toMatchObject({ lifecycle: 'issued', status_reason: null }));
  });
});
