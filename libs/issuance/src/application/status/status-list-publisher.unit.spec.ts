import type { JsonObject } from '@alliance/credentials';
import { UNI_A } from '../../domain/__fixtures__/specs.fixture';
import { issuanceHarness } from '../__fixtures__/issuance-harness.fixture';
import type { StatusListQueries, StatusListView } from '../ports/status-list-queries.port';
import { StatusListPublisher } from './status-list-publisher';

const view: StatusListView = { listId: `${UNI_A}-1`, institutionId: UNI_A, length: 131_072, changedPosition: 3, entries: [{ index: 7, revoked: true, suspended: false }] };
const queries: StatusListQueries = { statusList: async (id) => (id === view.listId ? view : undefined), listsOf: async () => [view.listId] };

describe('StatusListPublisher', () => {
  it('dates a list signed in the same second as its key no earlier than the key (a verifier would otherwise refuse the list)', async () => {
    const keyValidFrom = '2026-03-01T10:00:00.400Z';
    const h = await issuanceHarness();
    await h.onboard(UNI_A, 'key-1', keyValidFrom);
    const publisher = new StatusListPublisher(queries, h.aggregates, h.knowledge, h.vault, { ...h.settings, clock: () => new Date('2026-03-01T10:00:00.700Z') });

    const { credential, signed } = await publisher.credential(view.listId);

    expect(signed).toBe(true);
    expect(Date.parse(credential.validFrom as string)).toBeGreaterThanOrEqual(Date.parse(keyValidFrom));
    expect((credential.proof as JsonObject[])[0]?.verificationMethod).toMatch(/#key-1$/);
  });

  it('answers not-found for a list issuance does not hold', async () => {
    const h = await issuanceHarness();
    const publisher = new StatusListPublisher(queries, h.aggregates, h.knowledge, h.vault, h.settings);
    await expect(publisher.credential('no-such-list')).rejects.toMatchObject({ message: expect.stringContaining('no-such-list') });
  });
});
