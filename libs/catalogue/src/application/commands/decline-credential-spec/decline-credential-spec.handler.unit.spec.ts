import { credentialSpecAt } from '../credential-spec-at.fixture';
import { DeclineCredentialSpecCommand } from './decline-credential-spec.command';
import { DeclineCredentialSpecHandler } from './decline-credential-spec.handler';

describe('DeclineCredentialSpecHandler', () => {
  it('sends the version back to draft with the reason, dropping the approvals given', async () => {
    const { h, s, ids, id } = await credentialSpecAt('proposed');
    await s.approve(id, ids[0]);
    await new DeclineCredentialSpecHandler(h.aggregates).execute(
      DeclineCredentialSpecCommand.create({
        credentialSpecId: id,
        reason: 'our component needs 3 ECTS',
        ...h.meta({ role: 'institution-admin', institution: ids[2] }),
      }),
    );
    expect((await h.aggregates.credentialSpec.state(id))?.versions[0]).toMatchObject({ status: 'draft', approvals: [] });
    expect((await h.events()).at(-1)?.data).toMatchObject({ institutionId: ids[2], reason: 'our component needs 3 ECTS' });
  });
});
