import { catalogueHarness } from '../../__fixtures__/catalogue-harness';
import { scenario } from '../../__fixtures__/catalogue-scenario';
import { SuspendInstitutionCommand } from './suspend-institution.command';
import { SuspendInstitutionHandler } from './suspend-institution.handler';

describe('SuspendInstitutionHandler', () => {
  it('suspends an active member with a reason, once', async () => {
    const h = catalogueHarness();
    const [aau] = await scenario(h).members(1);
    const handler = new SuspendInstitutionHandler(h.aggregates);
    await handler.execute(SuspendInstitutionCommand.create({ institutionId: aau, reason: 'QA review', ...h.meta() }));
    expect((await h.aggregates.institution(aau))?.status).toBe('suspended');
    await expect(handler.execute(SuspendInstitutionCommand.create({ institutionId: aau, reason: 'again', ...h.meta() }))).rejects.toMatchObject({ status: 409 });
  });
});
