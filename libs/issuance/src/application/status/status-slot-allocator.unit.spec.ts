import { InMemoryEventStore } from '@alliance/event-sourcing';
import { StatusSlotAllocator } from './status-slot-allocator';
import { ISSUANCE_AGGREGATES } from '../issuance-aggregates';

const ctx = { actor: { subject: 'issuance' }, correlationId: 'c-1' };

describe('status list index allocation', () => {
  it('opens the first list and reserves a random index', async () => {
    const store = new InMemoryEventStore();
    const slot = await new StatusSlotAllocator(store, { random: () => 4242 }).allocate('inst-a', 'cred-1', ctx);
    expect(slot).toEqual({ listId: 'inst-a-1', index: 4242 });
    expect((await store.readStream(ISSUANCE_AGGREGATES.stream.statusSlot({ listId: 'inst-a-1', index: 4242 })))[0].data).toEqual({
      listId: 'inst-a-1',
      index: 4242,
      credentialId: 'cred-1',
    });
  });

  it('never gives one index to two credentials: a taken pick is drawn again', async () => {
    const store = new InMemoryEventStore();
    const picks = [7, 7, 7, 9];
    const allocator = new StatusSlotAllocator(store, { random: () => picks.shift()! });
    expect(await allocator.allocate('inst-a', 'cred-1', ctx)).toEqual({ listId: 'inst-a-1', index: 7 });
    expect(await allocator.allocate('inst-a', 'cred-2', ctx)).toEqual({ listId: 'inst-a-1', index: 9 });
  });

  it('opens the next list when picks keep colliding (the list is nearly full)', async () => {
    const store = new InMemoryEventStore();
    const allocator = new StatusSlotAllocator(store, { random: () => 1, triesPerList: 3 });
    await allocator.allocate('inst-a', 'cred-1', ctx);
    expect(await allocator.allocate('inst-a', 'cred-2', ctx)).toEqual({ listId: 'inst-a-2', index: 1 });
  });

  it('records new lists as published per purpose, and moves past a legacy 2-bit message list instead of filling it', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream(
      ISSUANCE_AGGREGATES.stream.statusRegister('inst-a'),
      [
        {
          type: 'StatusListOpened',
          data: { institutionId: 'inst-a', listId: 'inst-a-1', seq: 1, length: 131_072 },
          metadata: { occurredAt: '2026-01-01T00:00:00.000Z', ...ctx },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const slot = await new StatusSlotAllocator(store, { random: () => 5 }).allocate('inst-a', 'cred-1', ctx);
    expect(slot).toEqual({ listId: 'inst-a-2', index: 5 });
    const opened = (await store.readStream(ISSUANCE_AGGREGATES.stream.statusRegister('inst-a'))).map((e) => e.data);
    expect(opened[1]).toMatchObject({ listId: 'inst-a-2', seq: 2, layout: 'purposes' });
  });

  it('spreads indices over the whole list by default', async () => {
    const store = new InMemoryEventStore();
    const allocator = new StatusSlotAllocator(store);
    const indices = await Promise.all(['a', 'b', 'c', 'd'].map((c) => allocator.allocate('inst-a', c, ctx)));
    expect(new Set(indices.map((s) => s.index)).size).toBe(4);
    expect(indices.every((s) => s.index >= 0 && s.index < 131072)).toBe(true);
  });
});
