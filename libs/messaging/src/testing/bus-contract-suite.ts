import { randomBytes } from 'node:crypto';
import { eventually } from '@alliance/testing';
import type { WireRecord } from '../codec/wire-record';
import { PoisonMessageError } from '../errors/poison-message.error';
import type { IntegrationBus, IntegrationMessage, MessageContext } from '../integration-bus.port';
import { testMessages } from './test-messages';

export interface BusContractHarness {
  /** A bus for one test; two members of a group may subscribe on it. */
  createBus(): Promise<IntegrationBus>;
  /** Puts a raw record on the topic of `source`, bypassing the producer's checks. */
  injectRaw(bus: IntegrationBus, source: string, record: WireRecord): Promise<void>;
  /** How long the adapter may take to deliver (group joins on a broker take a few seconds). */
  timeoutMs: number;
}

type Seen = { message: IntegrationMessage<{ seq: number; n: number }>; context: MessageContext; member: string };

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
const fastRetry = { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 20 };

/** The behaviour every `IntegrationBus` adapter must show; each adapter's spec calls this once. */
export function describeBusContract(adapter: string, harness: BusContractHarness): void {
  describe(`IntegrationBus contract: ${adapter}`, () => {
    let bus: IntegrationBus;
    beforeEach(async () => {
      bus = await harness.createBus();
    });
    afterEach(async () => {
      await bus.close();
    });

    const collect = async (group: string, sources: string[], member = 'a', seen: Seen[] = []) => {
      const consumer = await bus.subscribe({
        group,
        sources,
        retry: fastRetry,
        handler: async (message, context) => void seen.push({ message: message as Seen['message'], context, member }),
      });
      return { consumer, seen };
    };

    it('delivers every field of a message, headers included', async () => {
      const source = unique('src');
      const [message] = testMessages(source, 1, 1);
      const { consumer, seen } = await collect(unique('g'), [source]);
      await bus.publish([message]);
      await eventually(() => expect(seen).toHaveLength(1), harness.timeoutMs);
      expect(seen[0].message).toEqual(message);
      expect(seen[0].context).toMatchObject({ attempt: 1, replayed: false });
      await consumer.stop();
    });

    it('keeps per-key order across two members of one group, each message handled once', async () => {
      const source = unique('src');
      const group = unique('g');
      const seen: Seen[] = [];
      const a = await collect(group, [source], 'a', seen);
      const b = await collect(group, [source], 'b', seen);
      const messages = testMessages(source, 400, 20);
      await bus.publish(messages);
      await eventually(() => expect(seen.length).toBeGreaterThanOrEqual(400), harness.timeoutMs);
      const byKey = new Map<string, number[]>();
      for (const s of seen) byKey.set(s.message.key, [...(byKey.get(s.message.key) ?? []), s.message.payload.seq]);
      for (const seqs of byKey.values()) expect(seqs).toEqual(seqs.map((_, i) => i));
      expect(new Set(seen.map((s) => s.message.eventId)).size).toBe(400);
      await Promise.all([a.consumer.stop(), b.consumer.stop()]);
    });

    it('gives every group its own copy', async () => {
      const source = unique('src');
      const one = await collect(unique('g1'), [source]);
      const two = await collect(unique('g2'), [source]);
      await bus.publish(testMessages(source, 10, 3));
      await eventually(() => expect([one.seen.length, two.seen.length]).toEqual([10, 10]), harness.timeoutMs);
      await Promise.all([one.consumer.stop(), two.consumer.stop()]);
    });

    it('retries a transient failure with growing attempts, then succeeds', async () => {
      const source = unique('src');
      const attempts: number[] = [];
      const consumer = await bus.subscribe({
        group: unique('g'),
        sources: [source],
        retry: fastRetry,
        handler: async (_m, context) => {
          attempts.push(context.attempt);
          if (context.attempt < 3) throw new Error('database briefly unavailable');
        },
      });
      await bus.publish(testMessages(source, 1, 1));
      await eventually(() => expect(attempts).toEqual([1, 2, 3]), harness.timeoutMs);
      expect(await bus.deadLetters.list({ group: consumer.group })).toEqual([]);
      await consumer.stop();
    });

    it('dead-letters a poison message at once with its reason and headers, then moves on and replays it on demand', async () => {
      const source = unique('src');
      const group = unique('g');
      const [poison, next] = testMessages(source, 2, 1);
      const handled: string[] = [];
      const replayed: boolean[] = [];
      let fixed = false;
      const consumer = await bus.subscribe({
        group,
        sources: [source],
        retry: fastRetry,
        handler: async (m, context) => {
          if (m.eventId === poison.eventId && !fixed)
            throw new PoisonMessageError('unknown-version', `${m.type} v${m.version} is not handled`);
          handled.push(m.eventId);
          replayed.push(context.replayed);
        },
      });
      await bus.publish([poison, next]);
      await eventually(() => expect(handled).toEqual([next.eventId]), harness.timeoutMs);
      const [letter] = await eventually(async () => {
        const letters = await bus.deadLetters.list({ group });
        expect(letters).toHaveLength(1);
        return letters;
      }, harness.timeoutMs);
      expect(letter.reason).toContain('unknown-version');
      expect(letter.attempts).toBe(1);
      expect(letter.original.headers['event-id']).toBe(poison.eventId);
      expect(letter.original.headers['correlation-id']).toBe(poison.correlationId);

      fixed = true;
      await bus.deadLetters.replay(letter.id);
      await eventually(() => expect(handled).toEqual([next.eventId, poison.eventId]), harness.timeoutMs);
      expect(replayed).toEqual([false, true]);
      await eventually(async () => expect(await bus.deadLetters.list({ group })).toEqual([]), harness.timeoutMs);
      expect((await bus.deadLetters.list({ group, includeReplayed: true }))[0].replayedAt).toBeDefined();
      await consumer.stop();
    });

    it('dead-letters a message whose retries are exhausted', async () => {
      const source = unique('src');
      const group = unique('g');
      const consumer = await bus.subscribe({
        group,
        sources: [source],
        retry: fastRetry,
        handler: async () => {
          throw new Error('constraint violated');
        },
      });
      await bus.publish(testMessages(source, 1, 1));
      const letters = await eventually(async () => {
        const found = await bus.deadLetters.list({ group });
        expect(found).toHaveLength(1);
        return found;
      }, harness.timeoutMs);
      expect(letters[0].reason).toMatch(/retries exhausted after 3 attempt\(s\).*constraint violated/);
      await consumer.stop();
    });

    it('dead-letters a malformed record with a readable reason and processes the next one', async () => {
      const source = unique('src');
      const group = unique('g');
      const { consumer, seen } = await collect(group, [source]);
      await harness.injectRaw(bus, source, {
        key: 'agg-0',
        value: '{not json',
        headers: { 'event-id': 'e-1', 'event-type': 'x', 'event-version': '1', source },
      });
      const [good] = testMessages(source, 1, 1);
      await bus.publish([good]);
      await eventually(() => expect(seen.map((s) => s.message.eventId)).toEqual([good.eventId]), harness.timeoutMs);
      const letters = await eventually(async () => {
        const found = await bus.deadLetters.list({ group });
        expect(found).toHaveLength(1);
        return found;
      }, harness.timeoutMs);
      expect(letters[0].reason).toContain('payload is not JSON');
      expect(letters[0].original.value).toBe('{not json');
      await consumer.stop();
    });

    it('redelivers what a stopped member had not acknowledged to the next member of its group', async () => {
      const source = unique('src');
      const group = unique('g');
      const seen: Seen[] = [];
      const first = await collect(group, [source], 'a', seen);
      await bus.publish(testMessages(source, 20, 4));
      await eventually(() => expect(seen.length).toBeGreaterThanOrEqual(20), harness.timeoutMs);
      await first.consumer.stop();
      await bus.publish(testMessages(source, 20, 4));
      const second = await collect(group, [source], 'b', seen);
      await eventually(() => expect(new Set(seen.map((s) => s.message.eventId)).size).toBe(40), harness.timeoutMs);
      await eventually(async () => expect((await second.consumer.getLag()).total).toBe(0), harness.timeoutMs);
      await second.consumer.stop();
    });
  });
}
