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
const queries: StatusListQueries = {
  statusList: async (id) => [view, legacy].find((v) => v.listId === id),
  listsOf: async () => [legacy.listId, view.listId],
};
const subject = (credential: JsonObject) => credential.credentialSubject as JsonObject;
const bitsOf = (credential: JsonObject, size = 1) => BitstringStatusList.decode(subject(credential).encodedList as string, size);

describe('StatusListPublisher', () => {
  it('dates a list signed in the same second as its key no earlier than the key (a verifier would otherwise refuse the list)', async () => {
    const keyValidFrom = '2026-03-01T10:00:00.400Z';
    const h = await issuanceHarness();
    await h.onboard(UNI_A, 'key-1', keyValidFrom);
    const publisher = new StatusListPublisher(queries, h.aggregates, h.knowledge, h.vault, {
      ...h.settings,
      clock: () => new Date('2026-03-01T10:00:00.700Z'),
    });

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

describe('StatusListPublisher.document (served from memory until the bits change)', () => {
  /** The read model double: the list whose bits the test changes, counting the reads. */
  function changingList() {
    let current: StatusListView = { ...view, entries: [] };
    const reads = { lists: 0, positions: 0 };
    const double: StatusListQueries = {
      statusList: async (id) => {
        reads.lists++;
        return id === view.listId ? current : undefined;
      },
      changedPosition: async (id) => {
        reads.positions++;
        return id === view.listId ? current.changedPosition : undefined;
      },
      listsOf: async () => [view.listId],
    };
    const suspend = (index: number) =>
      (current = {
        ...current,
        changedPosition: current.changedPosition + 1,
        entries: [...current.entries, { index, revoked: false, suspended: true }],
      });
    return { double, reads, suspend };
  }
  const suspendedBit = (body: string, index: number) => bitsOf(JSON.parse(body) as JsonObject).getStatus(index);

  it('pushed: reads and signs a list once, serves it without a read until told it changed, then serves the new bit', async () => {
    const h = await issuanceHarness();
    await h.onboard(UNI_A);
    const list = changingList();
    const publisher = new StatusListPublisher(list.double, h.aggregates, h.knowledge, h.vault, h.settings, undefined, 'pushed');
    const id = `${view.listId}-suspension`;

    const first = await publisher.document(id);
    const again = await Promise.all([publisher.document(id), publisher.document(id)]);
    expect(again.map((d) => d.etag)).toEqual([first.etag, first.etag]);
    expect(list.reads).toEqual({ lists: 1, positions: 0 });
    expect(suspendedBit(first.body, 9)).toBe(0);

    list.suspend(9);
    publisher.listChanged(view.listId);
    const after = await publisher.document(id);
    expect(suspendedBit(after.body, 9)).toBe(1);
    expect(after.etag).not.toBe(first.etag);
    expect(list.reads.lists).toBe(2);
  });

  it('checked: reads only where the list last changed while it did not change, and rebuilds once it moved', async () => {
    const h = await issuanceHarness();
    await h.onboard(UNI_A);
    const list = changingList();
    const publisher = new StatusListPublisher(list.double, h.aggregates, h.knowledge, h.vault, h.settings, undefined, 'checked');
    const id = `${view.listId}-suspension`;

    const first = await publisher.document(id);
    await publisher.document(id);
    expect(list.reads).toEqual({ lists: 1, positions: 1 });
    list.suspend(4); // written by another replica: nobody tells this one
    const after = await publisher.document(id);
    expect(suspendedBit(after.body, 4)).toBe(1);
    expect(after.etag).not.toBe(first.etag);
    expect(list.reads.lists).toBe(2);
  });

  it('does not keep an unsigned list: it is built again until the institution can sign', async () => {
    const h = await issuanceHarness();
    const list = changingList();
    const publisher = new StatusListPublisher(list.double, h.aggregates, h.knowledge, h.vault, h.settings, undefined, 'pushed');
    const served = await publisher.document(`${view.listId}-revocation`);
    expect(JSON.parse(served.body)).not.toHaveProperty('proof');
    await publisher.document(`${view.listId}-revocation`);
    expect(list.reads.lists).toBe(2);
  });
});
