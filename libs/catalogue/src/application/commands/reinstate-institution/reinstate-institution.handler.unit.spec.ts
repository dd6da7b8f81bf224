import { catalogueHarness } from '../../__fixtures__/catalogue-harness';
import { scenario } from '../../__fixtures__/catalogue-scenario';
import { SuspendInstitutionCommand, SuspendInstitutionHandler } from '../suspend-institution';
import { ReinstateInstitutionCommand } from './reinstate-institution.command';
import { ReinstateInstitutionHandler } from './reinstate-institution.handler';

describe('ReinstateInstitutionHandler', () => {
  it('reinstates a suspended member and keeps the status history', async () => {
    const h = catalogueHarness();
    const [aau] = await scenario(h).members(1);
    await new SuspendInstitutionHandler(h.aggregates).execute(
      SuspendInstitutionCommand.create({ institutionId: aau, reason: 'QA review', ...h.meta() }),
    );
    await new ReinstateInstitutionHandler(h.aggregates).execute(ReinstateInstitutionCommand.create({ institutionId: aau, ...h.meta() }));
    expect((await h.aggregates.institution.state(aau))?.statusHistory.map((p) => p.status)).toEqual([
      'pending',
      'active',
      'suspended',
      'active',
    ]);
  });
});
