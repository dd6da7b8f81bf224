import { credentialSpecAt } from '../credential-spec-at.fixture';
import { WithdrawCredentialSpecProposalCommand } from './withdraw-credential-spec-proposal.command';
import { WithdrawCredentialSpecProposalHandler } from './withdraw-credential-spec-proposal.handler';

describe('WithdrawCredentialSpecProposalHandler', () => {
  it('returns a proposed version to draft; a draft has nothing to withdraw', async () => {
    const { h, s, id } = await credentialSpecAt('draft');
    const handler = new WithdrawCredentialSpecProposalHandler(h.aggregates);
    const withdraw = () =>
      handler.execute(WithdrawCredentialSpecProposalCommand.create({ credentialSpecId: id, reason: 'rework the workload', ...h.meta() }));
    await expect(withdraw()).rejects.toMatchObject({ code: 'catalogue.withdraw.not-proposed' });
    await s.propose(id);
    await withdraw();
    expect((await h.aggregates.credentialSpec.state(id))?.versions[0].status).toBe('draft');
  });
});
