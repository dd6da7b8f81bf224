import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent, RecordedEvent } from '../../envelope';
import { ANY_REVISION } from '../../expected-revision';
import { EmbeddedEventStore } from './embedded-event-store';

const meta = { occurredAt: '2026-01-01T00:00:00.000Z', actor: { subject: 's' }, correlationId: 'c' };
const event = (type: string, n: number): NewEvent => ({ type, data: { n }, metadata: meta });

describe('embedded event store: a subscription whose filter lets few events through', () => {
  let dataDir: string;
  let store: EmbeddedEventStore;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'embedded-sparse-'));
    store = EmbeddedEventStore.open({ dataDir, durability: 'normal' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('hands over every matching event once, in order, across catch-up, pages and live appends among many others', async () => {
    const append = (type: string, n: number) =>
      store.appendToStream(`demo.s-${n % 7}`, [event(type, n)], { expectedRevision: ANY_REVISION });
    const expected: number[] = [];
    for (let n = 0; n < 300; n++) {
      const type = n % 50 === 0 ? 'demo.wanted' : 'demo.internal';
      if (type === 'demo.wanted') expected.push(n);
      await append(type, n);
    }
    const seen: RecordedEvent[] = [];
    let caughtUp = false;
    const subscription = store.subscribeToAll({
      fromPosition: 0,
      batchSize: 2,
      filter: { eventTypes: ['demo.wanted'] },
      handler: (e) => void seen.push(e),
      onCaughtUp: () => (caughtUp = true),
    });
    while (!caughtUp) await new Promise((r) => setTimeout(r, 5));
    // Live: long runs of events the filter drops, with matching ones between and at the very end.
    for (let n = 300; n < 600; n++) {
      const type = n % 40 === 0 || n === 599 ? 'demo.wanted' : 'demo.internal';
      if (type === 'demo.wanted') expected.push(n);
      await append(type, n);
    }
    const deadline = Date.now() + 20_000;
    while (seen.length < expected.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await subscription.stop();
    expect(seen.map((e) => (e.data as { n: number }).n)).toEqual(expected);
    const positions = seen.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(subscription.position).toBe(positions.at(-1));
  });

  it('sees events another store instance on the same file appends after a run of dropped ones', async () => {
    const other = EmbeddedEventStore.open({ dataDir, durability: 'normal' });
    const seen: number[] = [];
    const subscription = store.subscribeToAll({
      fromPosition: 0,
      filter: { eventTypes: ['demo.wanted'] },
      handler: (e) => void seen.push((e.data as { n: number }).n),
    });
    for (let n = 0; n < 50; n++) await other.appendToStream('demo.x', [event('demo.internal', n)], { expectedRevision: ANY_REVISION });
    await other.appendToStream('demo.x', [event('demo.wanted', 50)], { expectedRevision: ANY_REVISION });
    const deadline = Date.now() + 20_000;
    while (seen.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await subscription.stop();
    await other.close();
    expect(seen).toEqual([50]);
  });
});
