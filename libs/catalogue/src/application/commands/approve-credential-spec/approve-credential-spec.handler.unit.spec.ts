import { catalogueHarness } from '../../__fixtures__/catalogue-harness';
import { scenario } from '../../__fixtures__/catalogue-scenario';
import { ApproveCredentialSpecCommand } from './approve-credential-spec.command';
import { ApproveCredentialSpecHandler } from './approve-credential-spec.handler';

describe('ApproveCredentialSpecHandler', () => {
  it("approves for the caller's institution, each approval its own event with its actor", async () => {
    const h = catalogueHarness();
    const s = scenario(h);
    const ids = await s.members(3);
    const id = await s.draft(s.definition(ids));
    await s.propose(id);
    await s.approve(id, ids[0]);
    await s.approve(id, ids[1]);
    const approvals = (await h.events()).filter((e) => e.type === 'CredentialSpecApproved');
    expect(approvals.map((e) => [e.metadata.actor.institution, (e.data as { approvedBy: string }).approvedBy])).toEqual([
      [ids[0], `admin@${ids[0]}`],
      [ids[1], `admin@${ids[1]}`],
    ]);
  });

  it('refuses a caller without an institution, and one naming another institution', async () => {
    const h = catalogueHarness();
    const s = scenario(h);
    const ids = await s.members(3);
    const id = await s.draft(s.definition(ids));
    await s.propose(id);
    const handler = new ApproveCredentialSpecHandler(h.aggregates);
    await expect(handler.execute(ApproveCredentialSpecCommand.create({ credentialSpecId: id, ...h.meta({ role: 'institution-admin' }) }))).rejects.toMatchObject({
      code: 'catalogue.approval.no-institution',
      status: 403,
    });
    await expect(
      handler.execute(ApproveCredentialSpecCommand.create({ credentialSpecId: id, institutionId: ids[1], ...h.meta({ role: 'institution-admin', institution: ids[0] }) })),
    ).rejects.toMatchObject({ code: 'catalogue.approval.other-institution', status: 403 });
  });
});
