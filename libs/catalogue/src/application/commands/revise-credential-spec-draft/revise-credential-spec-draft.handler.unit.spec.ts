import { credentialSpecAt } from '../credential-spec-at.fixture';
import { ReviseCredentialSpecDraftCommand } from './revise-credential-spec-draft.command';
import { ReviseCredentialSpecDraftHandler } from './revise-credential-spec-draft.handler';

describe('ReviseCredentialSpecDraftHandler', () => {
  it('merges changed elements into the draft, or replaces it whole', async () => {
    const { h, s, ids, id } = await credentialSpecAt('draft');
    const handler = new ReviseCredentialSpecDraftHandler(h.aggregates, h.registry);
    await handler.execute(
      ReviseCredentialSpecDraftCommand.create({
        credentialSpecId: id,
        mode: 'merge',
        definition: { prerequisites: 'BSc in engineering' },
        ...h.meta(),
      }),
    );
    expect((await h.aggregates.credentialSpec.state(id))?.versions[0].definition).toMatchObject({
      prerequisites: 'BSc in engineering',
      ects: 6,
    });
    await handler.execute(
      ReviseCredentialSpecDraftCommand.create({ credentialSpecId: id, mode: 'replace', definition: s.definition(ids), ...h.meta() }),
    );
    expect((await h.aggregates.credentialSpec.state(id))?.versions[0].definition.prerequisites).toBeUndefined();
  });

  it('refuses to edit a published version', async () => {
    const { h, id } = await credentialSpecAt('published');
    await expect(
      new ReviseCredentialSpecDraftHandler(h.aggregates, h.registry).execute(
        ReviseCredentialSpecDraftCommand.create({ credentialSpecId: id, mode: 'merge', definition: { title: 'Edited' }, ...h.meta() }),
      ),
    ).rejects.toMatchObject({ code: 'catalogue.credential-spec.published-immutable', status: 409 });
  });
});
