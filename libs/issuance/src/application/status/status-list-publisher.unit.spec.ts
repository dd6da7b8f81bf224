import { BitstringStatusList, type JsonObject } from '@alliance/credentials';
import { UNI_A } from '../../domain/__fixtures__/specs.fixture';
import { issuanceHarness } from '../__fixtures__/issuance-harness.fixture';
import type { StatusListQueries, StatusListView } from '../ports/status-list-queries.port';
import { StatusListPublisher } from './status-list-publisher';

const view: StatusListView = {
  listId: `${UNI_A}-2`,
  institutionId: UNI_A,
  layout: 'purposes',
  length: 131_072,
  changedPosition: 3,
  entries: [
    { index: 7, revoked: true, suspended: false },
    { index: 9, revoked: false, suspended: true },
  ],
};
const legacy: StatusListView = { ...view, listId: `${UNI_A}-1`, layout: 'message' };
const queries: StatusListQueries = { statusList: async (id) => [view, legacy].find((v) => v.listId === id), listsOf: async () => [legacy.listId, view.listId] };
const subject = (credential: JsonObject) => credential.credentialSubject as JsonObject;
const bitsOf = (credential: JsonObject, size = 1) => BitstringStatusList.decode(subject(credential).encodedList as string, size);

describe('StatusListPublisher', () => {
  it('dates a list signed in the same second as its key no earlier than the key (a verifier would otherwise refuse the list)', async () => {
    const keyValidFrom = '2026-03-01T10:00:00.400Z';
    const h = await issuanceHarness();
    await h.onboard(UNI_A, 'key-1', keyValidFrom);
    const publisher = new StatusListPublisher(queries, h.aggregates, h.knowledge, h.vault, { ...h.settings, clock: () => new Date('2026-03-01T10:00:00.700Z') });

    const { credential, signed } = await publisher.credential(`${view.listId}-revocation`);

    expect(signed).toBe(true);
    expect(Date.parse(credential.validFrom as string)).toBeGreaterThanOrEqual(Date.parse(keyValidFrom));
    expect((credential.proof as JsonObject[])[0]?.verificationMethod).toMatch(/#key-1$/);
  });

  it('publishes a list once per purpose: 1-bit revocation and suspension lists, each bit where its credential is', async () => {
    const h = await issuanceHarness();
    await h.onboard(UNI_A);
    const publisher = new StatusListPublisher(queries, h.aggregates, h.knowledge, h.vault, h.settings);
    const revocation = (await publisher.credential(`${view.listId}-revocation`)).credential;
    const suspension = (await publisher.credential(`${view.listId}-suspension`)).credential;
    expect(revocation.id).toBe(`https://issuance.test/status-lists/${view.listId}-revocation`);
    expect(subject(revocation)).toMatchObject({ type: 'BitstringStatusList', statusPurpose: 'revocation' });
    expect(subject(suspension)).toMatchObject({ statusPurpose: 'suspension' });
    expect([bitsOf(revocation).getStatus(7), bitsOf(revocation).getStatus(9)]).toEqual([1, 0]);
    expect([bitsOf(suspension).getStatus(7), bitsOf(suspension).getStatus(9)]).toEqual([0, 1]);
    await expect(publisher.credential(view.listId)).rejects.toMatchObject({ status: 404 });
  });

  it('keeps publishing a list opened before per-purpose lists as its 2-bit message list, under its own id only', async () => {
    const h = await issuanceHarness();
    await h.onboard(UNI_A);
    const publisher = new StatusListPublisher(queries, h.aggregates, h.knowledge, h.vault, h.settings);
    const list = (await publisher.credential(legacy.listId)).credential;
    expect(subject(list)).toMatchObject({ statusPurpose: 'message' });
    expect([bitsOf(list, 2).getStatus(7), bitsOf(list, 2).getStatus(9)]).toEqual([2, 1]);
    await expect(publisher.credential(`${legacy.listId}-revocation`)).rejects.toMatchObject({ status: 404 });
  });

  it('hands its own signer one request per published list', async () => {
    const h = await issuanceHarness();
    const publisher = new StatusListPublisher(queries, h.aggregates, h.knowledge, h.vault, h.settings);
    const pending = await publisher.pendingFor(UNI_A);
    expect(pending.map((p) => p.listId)).toEqual([legacy.listId, `${view.listId}-revocation`, `${view.listId}-suspension`]);
    expect(pending.every((p) => p.changedPosition === 3 && !('proof' in p.document))).toBe(true);
  });

  it('answers not-found for a list issuance does not hold', async () => {
    const h = await issuanceHarness();
    const publisher = new StatusListPublisher(queries, h.aggregates, h.knowledge, h.vault, h.settings);
    await expect(publisher.credential('no-such-list')).rejects.toMatchObject({ message: expect.stringContaining('no-such-list') });
  });
});
