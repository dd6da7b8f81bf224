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
    expect((await h.aggregates.institution.state(aau))?.status).toBe('suspended');
    await expect(
      handler.execute(SuspendInstitutionCommand.create({ institutionId: aau, reason: 'again', ...h.meta() })),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('records who suspended, and leaves the keys alone', async () => {
    const h = catalogueHarness();
    const [aau] = await scenario(h).members(1);
    const keys = (await h.aggregates.institution.state(aau))!.keys;
    await new SuspendInstitutionHandler(h.aggregates).execute(
      SuspendInstitutionCommand.create({ institutionId: aau, reason: 'QA review', ...h.meta({ subject: 'alice' }) }),
    );
    expect((await h.events()).at(-1)).toMatchObject({
      type: 'InstitutionSuspended',
      data: { reason: 'QA review' },
      metadata: { actor: { subject: 'alice', role: 'alliance-admin' } },
    });
    expect((await h.aggregates.institution.state(aau))!.keys).toEqual(keys);
  });

  it('cannot suspend a pending member', async () => {
    const h = catalogueHarness();
    const [aau] = await scenario(h).pendingMembers(1);
    await expect(
      new SuspendInstitutionHandler(h.aggregates).execute(
        SuspendInstitutionCommand.create({ institutionId: aau, reason: 'x', ...h.meta() }),
      ),
    ).rejects.toMatchObject({
      status: 409,
      code: 'catalogue.institution.not-active',
    });
  });
});
