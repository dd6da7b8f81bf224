import { catalogueHarness } from '../__fixtures__/catalogue-harness';
import { scenario } from '../__fixtures__/catalogue-scenario';

/**
 * A credential spec of three members taken as far as `stage`, for the specs of the steps after it. A proposed
 * spec has no approvals yet, so a spec can give them one by one.
 */
export async function credentialSpecAt(stage: 'draft' | 'proposed' | 'published') {
  const h = catalogueHarness();
  const s = scenario(h);
  const ids = await s.members(3);
  const id = await s.draft(s.definition(ids));
  if (stage !== 'draft') await s.propose(id);
  if (stage === 'published') {
    for (const inst of ids) await s.approve(id, inst);
    await s.publish(id);
  }
  return { h, s, ids, id };
}
