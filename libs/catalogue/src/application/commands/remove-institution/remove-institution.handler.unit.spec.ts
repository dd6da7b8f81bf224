import { catalogueHarness } from '../../__fixtures__/catalogue-harness';
import { scenario } from '../../__fixtures__/catalogue-scenario';
import { RemoveInstitutionCommand } from './remove-institution.command';
import { RemoveInstitutionHandler } from './remove-institution.handler';

describe('RemoveInstitutionHandler', () => {
  it('removes a member for good; a removed member can no longer be an awarding body', async () => {
    const h = catalogueHarness();
    const s = scenario(h);
    const ids = await s.members(3);
    await new RemoveInstitutionHandler(h.aggregates).execute(
      RemoveInstitutionCommand.create({ institutionId: ids[2], reason: 'left the alliance', ...h.meta() }),
    );
    expect((await h.aggregates.institution.state(ids[2]))?.status).toBe('removed');
    await expect(s.draft(s.definition(ids))).rejects.toMatchObject({ code: 'catalogue.awarding-bodies.not-a-member' });
  });
});
