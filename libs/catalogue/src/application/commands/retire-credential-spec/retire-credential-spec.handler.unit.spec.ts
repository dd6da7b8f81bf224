import { catalogueHarness } from '../../__fixtures__/catalogue-harness';
import { scenario } from '../../__fixtures__/catalogue-scenario';
import { RetireCredentialSpecCommand } from './retire-credential-spec.command';
import { RetireCredentialSpecHandler } from './retire-credential-spec.handler';

describe('RetireCredentialSpecHandler', () => {
  it('retires the published version and refuses to retire it twice', async () => {
    const h = catalogueHarness();
    const s = scenario(h);
    const ids = await s.members(3);
    const id = await s.draft(s.definition(ids));
    await s.propose(id);
    for (const inst of ids) await s.approve(id, inst);
    await s.publish(id);
    const retire = () => new RetireCredentialSpecHandler(h.aggregates).execute(RetireCredentialSpecCommand.create({ credentialSpecId: id, reason: 'programme closed', ...h.meta() }));
    await retire();
    expect((await h.aggregates.credentialSpec(id))?.versions[0].status).toBe('retired');
    await expect(retire()).rejects.toMatchObject({ code: 'catalogue.retire.not-published', status: 409 });
  });
});
