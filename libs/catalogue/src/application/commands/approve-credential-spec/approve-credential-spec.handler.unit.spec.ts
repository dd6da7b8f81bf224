import { ECIU_MEMBERS } from '../../../demo/eciu-demo-data';
import { ownAdminMeta } from '../../__fixtures__/key-registration';
import { credentialSpecAt } from '../credential-spec-at.fixture';
import { RegisterInstitutionCommand, RegisterInstitutionHandler } from '../register-institution';
import { ApproveCredentialSpecCommand } from './approve-credential-spec.command';
import { ApproveCredentialSpecHandler } from './approve-credential-spec.handler';

describe('ApproveCredentialSpecHandler', () => {
  it("approves for the caller's institution, each approval its own event with its actor", async () => {
    const { h, s, ids, id } = await credentialSpecAt('proposed');
    await s.approve(id, ids[0]);
    await s.approve(id, ids[1]);
    const approvals = (await h.events()).filter((e) => e.type === 'CredentialSpecApproved');
    expect(approvals.map((e) => [e.metadata.actor.institution, (e.data as { approvedBy: string }).approvedBy])).toEqual([
      [ids[0], `admin@${ids[0]}`],
      [ids[1], `admin@${ids[1]}`],
    ]);
  });

  it('refuses a caller without an institution, and one naming another institution', async () => {
    const { h, ids, id } = await credentialSpecAt('proposed');
    const handler = new ApproveCredentialSpecHandler(h.aggregates);
    await expect(
      handler.execute(ApproveCredentialSpecCommand.create({ credentialSpecId: id, ...h.meta({ role: 'institution-admin' }) })),
    ).rejects.toMatchObject({
      code: 'catalogue.approval.no-institution',
      status: 403,
    });
    await expect(
      handler.execute(
        ApproveCredentialSpecCommand.create({
          credentialSpecId: id,
          institutionId: ids[1],
          ...h.meta({ role: 'institution-admin', institution: ids[0] }),
        }),
      ),
    ).rejects.toMatchObject({ code: 'catalogue.approval.other-institution', status: 403 });
  });

  it('refuses the approval of a member still pending', async () => {
    const { h, id } = await credentialSpecAt('proposed');
    const { key: _key, ...profile } = ECIU_MEMBERS[3];
    const pending = await new RegisterInstitutionHandler(h.aggregates, h.directory, h.config).execute(
      RegisterInstitutionCommand.create({ ...profile, ...h.meta() }),
    );
    const approve = ApproveCredentialSpecCommand.create({ credentialSpecId: id, ...ownAdminMeta(h, pending) });
    await expect(new ApproveCredentialSpecHandler(h.aggregates).execute(approve)).rejects.toMatchObject({
      status: 409,
      code: 'catalogue.approval.member-not-active',
      field: 'institutionId',
    });
  });
});
