import { credentialSpecAt } from '../credential-spec-at.fixture';
import { SuspendInstitutionCommand, SuspendInstitutionHandler } from '../suspend-institution';

describe('ProposeCredentialSpecHandler', () => {
  it('asks every awarding body for approval', async () => {
    const { h, s, ids, id } = await credentialSpecAt('draft');
    await s.propose(id);
    expect((await h.aggregates.credentialSpec.state(id))?.versions[0]).toMatchObject({ status: 'proposed', requiredApprovals: ids });
  });

  it('checks the members again: one suspended since the draft blocks the proposal', async () => {
    const { h, s, ids, id } = await credentialSpecAt('draft');
    await new SuspendInstitutionHandler(h.aggregates).execute(
      SuspendInstitutionCommand.create({ institutionId: ids[1], reason: 'QA review', ...h.meta() }),
    );
    await expect(s.propose(id)).rejects.toMatchObject({
      code: 'catalogue.awarding-bodies.member-not-active',
      field: 'awardingBodies[1].institutionId',
    });
  });
});
