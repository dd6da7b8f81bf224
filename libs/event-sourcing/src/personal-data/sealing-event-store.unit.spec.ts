import { randomBytes } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '../envelope';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { InMemoryLearnerKeyTable } from './in-memory-learner-key-table';
import { PersonalDataVault } from './personal-data-vault';
import { ERASED, hasSealedValues, isSealedValue, openSealedValues } from './sealed-values';
import { SealingEventStore } from './sealing-event-store';

const metadata = { occurredAt: '2026-01-01T00:00:00.000Z', actor: { subject: 'test' }, correlationId: 'c1' };
const granted = (learnerId: string, name: string): NewEvent => ({
  type: 'Granted',
  data: {
    learner: { learnerId, name, email: `${name.toLowerCase()}@example.org` },
    document: { credentialSubject: { identifier: [{ identityHash: name }] } },
    grade: 'A',
  },
  metadata,
});

describe('sealing event store (personal fields sealed at the store boundary)', () => {
  const setup = () => {
    const raw = new InMemoryEventStore();
    const vault = new PersonalDataVault(new InMemoryLearnerKeyTable(), randomBytes(32));
    const store = new SealingEventStore(raw, vault, {
      Granted: { learnerId: 'learner.learnerId', fields: ['learner.name', 'learner.email', 'document.credentialSubject.identifier'] },
    });
    return { raw, vault, store };
  };
  const collect = async (events: AsyncIterable<RecordedEvent>) => {
    const out: RecordedEvent[] = [];
    for await (const e of events) out.push(e);
    return out;
  };

  it('stores the named fields sealed, leaves the rest and other event types clear', async () => {
    const { raw, store } = setup();
    await store.appendToStream('s-1', [granted('l1', 'Ada'), { type: 'Other', data: { note: 'Ada' }, metadata }], {
      expectedRevision: 'no_stream',
    });
    const [stored, other] = await raw.readStream('s-1');
    expect(JSON.stringify(stored.data)).not.toMatch(/Ada|ada@/);
    expect(isSealedValue((stored.data as { learner: { name: unknown } }).learner.name)).toBe(true);
    expect(stored.data).toMatchObject({ learner: { learnerId: 'l1' }, grade: 'A' });
    expect(other.data).toEqual({ note: 'Ada' });
  });

  it('opens them on every read path', async () => {
    const { store } = setup();
    await store.appendToStream('s-1', [granted('l1', 'Ada')], { expectedRevision: 'no_stream' });
    const [read] = await store.readStream('s-1');
    expect(read.data).toEqual(granted('l1', 'Ada').data);
    expect((await collect(store.readAll()))[0].data).toEqual(granted('l1', 'Ada').data);
    const seen: unknown[] = [];
    const sub = store.subscribeToAll({ handler: (e) => void seen.push(e.data) });
    await new Promise((r) => setTimeout(r, 50));
    await sub.stop();
    expect(seen).toEqual([granted('l1', 'Ada').data]);
  });

  it("reads an erased learner's fields as ERASED, others' still clear, and never rewrites what is stored", async () => {
    const { raw, vault, store } = setup();
    await store.appendToStream('s-1', [granted('l1', 'Ada')], { expectedRevision: 'no_stream' });
    await store.appendToStream('s-2', [granted('l2', 'Grace')], { expectedRevision: 'no_stream' });
    const before = await collect(raw.readAll());
    expect(await vault.erase('l1')).toBe(true);
    const [erased] = await store.readStream('s-1');
    expect(erased.data).toMatchObject({
      learner: { learnerId: 'l1', name: ERASED, email: ERASED },
      document: { credentialSubject: { identifier: ERASED } },
      grade: 'A',
    });
    expect(((await store.readStream('s-2'))[0].data as { learner: { name: string } }).learner.name).toBe('Grace');
    expect(await collect(raw.readAll())).toEqual(before);
  });

  it('opens sealed values inside read-model rows too, and tells whether a row holds any', async () => {
    const { raw, vault, store } = setup();
    await store.appendToStream('s-1', [granted('l1', 'Ada')], { expectedRevision: 'no_stream' });
    const row = ((await raw.readStream('s-1'))[0].data as { document: unknown }).document;
    expect(hasSealedValues(row)).toBe(true);
    expect(hasSealedValues({ a: [1, { b: 'c' }] })).toBe(false);
    expect(await openSealedValues(vault, [row])).toEqual([{ credentialSubject: { identifier: [{ identityHash: 'Ada' }] } }]);
  });

  it('refuses a sealed value moved to another learner', async () => {
    const { raw, vault, store } = setup();
    await store.appendToStream('s-1', [granted('l1', 'Ada')], { expectedRevision: 'no_stream' });
    await store.appendToStream('s-2', [granted('l2', 'Grace')], { expectedRevision: 'no_stream' });
    const sealed = ((await raw.readStream('s-1'))[0].data as { learner: { name: Record<string, unknown> } }).learner.name;
    await expect(openSealedValues(vault, [{ ...sealed, keyId: 'l2' }])).rejects.toThrow();
  });
});
