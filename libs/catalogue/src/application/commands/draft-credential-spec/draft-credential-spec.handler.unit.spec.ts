import { catalogueHarness } from '../../__fixtures__/catalogue-harness';
import { scenario } from '../../__fixtures__/catalogue-scenario';
import { credentialSpecAt } from '../credential-spec-at.fixture';

describe('DraftCredentialSpecHandler', () => {
  it('drafts version 1 once the awarding bodies are found in the registry', async () => {
    const { h, id } = await credentialSpecAt('draft');
    const spec = await h.aggregates.credentialSpec.state(id);
    expect(spec?.versions).toMatchObject([{ version: 1, status: 'draft' }]);
    expect((await h.events()).at(-1)).toMatchObject({ streamId: `catalogue.credential-spec-${id}`, type: 'CredentialSpecDrafted' });
  });

  it('reports every broken rule at once and writes nothing', async () => {
    const h = catalogueHarness();
    const s = scenario(h);
    const ids = await s.members(3);
    const before = await h.store.headPosition();
    const error = await s.draft(s.definition(ids, { eqfLevel: 0, ects: 9 })).catch((e: unknown) => e);
    expect((error as { violations: { field: string }[] }).violations.map((v) => v.field).sort()).toEqual(['ects', 'eqfLevel']);
    expect(await h.store.headPosition()).toBe(before);
  });
});
