import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@alliance/testing';
import type { EventStore } from '../event-store.port';
import { createEventStore } from '../store/create-event-store';
import { isWrongExpectedRevision } from '../store/errors/wrong-expected-revision.error';
import { seatsDecider } from '../testing/__fixtures__/seats-decider';
import { createCommandHandler } from './command-handler';

const stores: { name: string; open(): Promise<{ store: EventStore; cleanup(): Promise<void> }> }[] = [
  {
    name: 'embedded',
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'handler-'));
      const store = await createEventStore({ kind: 'embedded', dataDir: dir });
      return { store, cleanup: async () => (await store.close(), await rm(dir, { recursive: true, force: true })) };
    },
  },
  {
    name: 'postgres',
    async open() {
      const db = await createTestDatabase('handler');
      const store = await createEventStore({ kind: 'postgres', url: db.url });
      return { store, cleanup: async () => (await store.close(), await db.drop()) };
    },
  },
];

const context = { actor: { subject: 'registrar-1', institution: 'inst-a' }, correlationId: 'corr' };

describe.each(stores)('command handler on the $name event store', ({ open }) => {
  let env: Awaited<ReturnType<(typeof stores)[number]['open']>>;
  beforeAll(async () => {
    env = await open();
  });
  afterAll(() => env.cleanup());

  /** Opens a course of 100 seats, then sends the reservations of `learners` learners at once, each allowed `maxAttempts`. */
  async function openAndReserveConcurrently(courseId: string, learners: number, maxAttempts: number) {
    const handler = createCommandHandler({ store: env.store, decider: seatsDecider, maxAttempts });
    const stream = `demo.course-${courseId}`;
    await handler.handle(stream, { kind: 'open', courseId, capacity: 100 }, context);
    const reservations = Array.from({ length: learners }, (_, i) =>
      handler.handle(stream, { kind: 'reserve', courseId, learnerId: `l${i}` }, context),
    );
    return { handler, stream, reservations };
  }

  it('lets concurrent commands on one stream all land, by retrying only on revision conflicts', async () => {
    const { handler, stream, reservations } = await openAndReserveConcurrently('race', 12, 30);
    const results = await Promise.all(reservations);
    expect(results.some((r) => r.attempts > 1)).toBe(true);
    const final = await handler.load(stream);
    expect(final.revision).toBe(12);
    expect([...final.state.learners].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `l${i}`).sort());
  });

  it('surfaces the store conflict error when attempts run out', async () => {
    const { handler, stream, reservations } = await openAndReserveConcurrently('tight', 8, 1);
    const outcomes = await Promise.allSettled(reservations);
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((o) => isWrongExpectedRevision(o.reason))).toBe(true);
    expect((await handler.load(stream)).revision).toBe(8 - rejected.length);
  });

  it('stamps metadata that the store keeps', async () => {
    const handler = createCommandHandler({ store: env.store, decider: seatsDecider, clock: () => new Date('2026-03-03T00:00:00Z') });
    const r = await handler.handle('demo.course-meta', { kind: 'open', courseId: 'meta', capacity: 1 }, { ...context, commandId: 'cmd-7' });
    const [stored] = await env.store.readStream('demo.course-meta');
    expect(stored.eventId).toBe(r.events[0].eventId);
    expect(stored.metadata).toMatchObject({
      occurredAt: '2026-03-03T00:00:00.000Z',
      causationId: 'cmd-7',
      correlationId: 'corr',
      institution: 'inst-a',
    });
  });
});
