import { credentialSpecAt } from '../credential-spec-at.fixture';
import { RetireCredentialSpecCommand } from './retire-credential-spec.command';
import { RetireCredentialSpecHandler } from './retire-credential-spec.handler';

describe('RetireCredentialSpecHandler', () => {
  it('retires the published version and refuses to retire it twice', async () => {
    const { h, id } = await credentialSpecAt('published');
    const retire = () =>
      new RetireCredentialSpecHandler(h.aggregates).execute(
        RetireCredentialSpecCommand.create({ credentialSpecId: id, reason: 'programme closed', ...h.meta() }),
      );
    await retire();
    expect((await h.aggregates.credentialSpec.state(id))?.versions[0].status).toBe('retired');
    await expect(retire()).rejects.toMatchObject({ code: 'catalogue.retire.not-published', status: 409 });
  });
});
