import { IDS, T, worldWithCredentialHistory } from '../__fixtures__/credential-history.fixture';
import type { AuditedEvent } from './audit-source';
import { queryEvents, queryPage } from './event-query';
import type { EventFilter } from './event-filter';

describe('auditor event queries across stores', () => {
  const world = worldWithCredentialHistory();

  const all = async (filter: EventFilter) => {
    const out: AuditedEvent[] = [];
    for await (const item of queryEvents(world().sources, filter)) out.push(item);
    return out;
  };

  it('merges every store in occurred-at order', async () => {
    const items = await all({});
    expect(new Set(items.map((i) => i.store))).toEqual(new Set(['catalogue', 'enrolment', 'assessment', 'issuance', 'verification']));
    const times = items.map((i) => i.event.metadata.occurredAt);
    expect([...times].sort()).toEqual(times);
  });

  it.each<[string, EventFilter, number]>([
    ['one stream', { streamId: `issuance.credential-${IDS.credential}` }, 7],
    ['a stream prefix', { streamPrefix: 'catalogue.institution-' }, 4],
    ['event types', { eventTypes: ['ResultPublished', 'ResultAmended'] }, 3],
    ['a time range', { from: T.suspended, to: T.version2 }, 4],
    ['an actor', { actor: 'registrar-uni-b' }, 2],
    ['an institution', { institution: 'uni-b', stores: ['assessment'] }, 2],
    ['a correlation id', { correlationId: 'corr-fixture' }, 25],
  ])('filters by %s', async (_label, filter, count) => {
    expect(await all(filter)).toHaveLength(count);
  });

  it('pages with an opaque cursor without losing or repeating an event', async () => {
    const everything = await all({});
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await queryPage(world().sources, {}, 7, cursor);
      seen.push(...page.items.map((i) => i.event.eventId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(everything.length / 7) + (everything.length % 7 === 0 ? 1 : 0));
    expect(new Set(seen).size).toBe(everything.length);
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(queryPage(world().sources, {}, 5, 'bm90LWpzb24')).rejects.toThrow(/cursor/);
  });
});
