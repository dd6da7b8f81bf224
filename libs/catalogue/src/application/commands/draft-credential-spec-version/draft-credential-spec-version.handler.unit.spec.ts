import { credentialSpecAt } from '../credential-spec-at.fixture';
import { DraftCredentialSpecVersionCommand } from './draft-credential-spec-version.command';
import { DraftCredentialSpecVersionHandler } from './draft-credential-spec-version.handler';

describe('DraftCredentialSpecVersionHandler', () => {
  it('opens version 2 from the published one with the changes given; version 1 stays as published', async () => {
    const { h, s, ids, id } = await credentialSpecAt('draft');
    const handler = new DraftCredentialSpecVersionHandler(h.aggregates, h.registry);
    const next = () =>
      handler.execute(
        DraftCredentialSpecVersionCommand.create({ credentialSpecId: id, changes: { title: 'Energy Systems 2027' }, ...h.meta() }),
      );
    await expect(next()).rejects.toMatchObject({ code: 'catalogue.version.open-version-exists' });
    await s.propose(id);
    for (const inst of ids) await s.approve(id, inst);
    await s.publish(id);
    expect(await next()).toBe(2);
    const versions = (await h.aggregates.credentialSpec.state(id))!.versions;
    expect(versions.map((v) => [v.version, v.status, v.definition.title])).toEqual([
      [1, 'published', 'Sustainable Energy Systems: Challenge-Based Learning'],
      [2, 'draft', 'Energy Systems 2027'],
    ]);
  });
});
