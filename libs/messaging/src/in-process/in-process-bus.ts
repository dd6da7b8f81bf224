import { encodeMessage, type WireRecord } from '../codec/wire-record';
import type { DeadLetter } from '../dead-letters/dead-letter';
import type { BusConsumer, IntegrationBus, IntegrationMessage, SubscribeSpec } from '../integration-bus.port';
import { retryPolicy, type RetryPolicy } from '../retry/retry-policy';
import { type Deferred, deferred } from './deferred';
import { InProcessDeadLetters } from './in-process-dead-letters';
import { InProcessGroup, type QueuedEntry } from './in-process-group';
import { partitionOf } from './partition-of';

export interface InProcessBusOptions {
  /** Ordered queues per topic; messages of one key always share one. Default 8. */
  partitions?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * Messages kept per topic for groups that subscribe after they were published (a new Kafka group reads
   * from the beginning too). Default 10,000.
   */
  retention?: number;
  /**
   * JSON-lines file that keeps dead letters across restarts (memory only when absent); the operator's CLI
   * reads it and requests replays through it (see `openDeadLetterJournal`).
   */
  deadLetterFile?: string;
}

interface Retained {
  record: WireRecord;
  partition: number;
  offset: number;
}

/**
 * The integration bus of the embedded mode: same contract as Kafka (per-key order, at-least-once, retries,
 * dead letters) without a broker. Messages live only in memory, so `publish` resolves only once every group
 * with a running member has acknowledged them, and rejects when a group cannot before the bus closes (see
 * `beginClosing`): an outbox relay that checkpoints after `publish` never skips an event, whatever order the
 * services of a process stop in. A group between members outside shutdown keeps what is published for its next
 * member without holding the publisher, as a Kafka topic would.
 */
export class InProcessBus implements IntegrationBus {
  readonly name = 'in-process';
  readonly deadLetters: InProcessDeadLetters;
  private readonly groups = new Map<string, InProcessGroup>();
  private readonly retained = new Map<string, Retained[]>();
  private readonly offsets = new Map<string, number>();
  private readonly stops = new Set<() => Promise<void>>();
  private readonly partitions: number;
  private readonly retention: number;
  private readonly policy: RetryPolicy;
  private closed = false;
  private closing = false;
  private held?: Deferred;

  constructor(options: InProcessBusOptions = {}) {
    this.partitions = options.partitions ?? 8;
    this.retention = options.retention ?? 10_000;
    this.policy = retryPolicy(options.retry);
    this.deadLetters = new InProcessDeadLetters(options.deadLetterFile, (letter) => this.redeliver(letter));
  }

  async publish(messages: IntegrationMessage[]): Promise<void> {
    this.assertOpen();
    // Held while the process starts its services: every group is subscribed before anything is published past it.
    if (this.held) await this.held.promise;
    this.assertOpen();
    const records = messages.map((m) => ({ topic: m.source, record: encodeMessage(m) }));
    const waits: Promise<void>[] = [];
    for (const { topic, record } of records) {
      const partition = partitionOf(record.key!, this.partitions);
      const offset = this.nextOffset(`${topic}#${partition}`);
      this.retain(topic, { record, partition, offset });
      for (const group of this.groups.values()) {
        if (!group.topics.has(topic)) continue;
        const entry: QueuedEntry = { record, topic, partition, offset, replayed: false };
        // A group between members keeps the entry for the next one (as a Kafka topic would) unless the bus closes.
        if (group.hasMembers || this.closing) {
          entry.acknowledged = deferred();
          waits.push(entry.acknowledged.promise);
        }
        group.enqueue(entry);
      }
    }
    await Promise.all(waits);
  }

  async subscribe(spec: SubscribeSpec): Promise<BusConsumer> {
    this.assertOpen();
    if (spec.sources.length === 0) throw new TypeError(`group ${spec.group} subscribes to no source`);
    const group = this.group(spec.group);
    for (const topic of spec.sources) {
      if (group.topics.has(topic)) continue;
      group.topics.add(topic);
      for (const r of this.retained.get(topic) ?? []) group.enqueue({ ...r, topic, replayed: false });
    }
    const leave = group.join(spec.handler, retryPolicy(spec.retry, this.policy));
    let stopped: Promise<void> | undefined;
    const stop = () => (stopped ??= leave().finally(() => this.stops.delete(stop)));
    this.stops.add(stop);
    return { group: spec.group, getLag: async () => group.lag(), stop };
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  /**
   * Publishes wait until the returned release is called. A process that starts several services on this bus one
   * after another holds them until every service has subscribed its consumer group: a message published before
   * its group exists would be acknowledged by no one, and lost with the process if it stopped before the group
   * joined.
   */
  holdPublishes(): () => void {
    let held = this.held;
    if (!held) {
      held = this.held = deferred();
      // Publishers waiting get the rejection of a bus closed meanwhile; with none waiting it is nobody's error.
      held.promise.catch(() => undefined);
    }
    return () => {
      if (this.held === held) this.held = undefined;
      held.resolve();
    };
  }

  /**
   * The process is shutting down: from now on a group whose last member leaves (or has left) rejects the
   * publishes still waiting for it, so the services can stop in any order without a publisher taking a message
   * for delivered that only this process's memory held. Called by `close`; a process stopping several services
   * on one bus calls it first.
   */
  beginClosing(): void {
    this.closing = true;
    this.held?.reject(new Error('the in-process bus closed before publishing was released'));
    this.held = undefined;
    for (const group of this.groups.values()) group.beginClosing();
  }

  async close(): Promise<void> {
    this.beginClosing();
    this.closed = true;
    this.deadLetters.close();
    await Promise.all([...this.stops].map((stop) => stop()));
  }

  private group(name: string): InProcessGroup {
    let group = this.groups.get(name);
    if (!group) {
      group = new InProcessGroup(name, (letter) => this.deadLetters.add(letter));
      if (this.closing) group.beginClosing();
      this.groups.set(name, group);
    }
    return group;
  }

  private redeliver(letter: DeadLetter): void {
    const offset = this.nextOffset(`${letter.group}.replay#0`);
    this.group(letter.group).enqueue({ record: letter.original, topic: `${letter.group}.replay`, partition: 0, offset, replayed: true });
  }

  private retain(topic: string, entry: Retained): void {
    let log = this.retained.get(topic);
    if (!log) this.retained.set(topic, (log = []));
    log.push(entry);
    if (log.length > this.retention) log.splice(0, log.length - this.retention);
  }

  private nextOffset(key: string): number {
    const next = (this.offsets.get(key) ?? 0) + 1;
    this.offsets.set(key, next);
    return next;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the in-process bus is closed');
  }
}

/** Factory matching `createKafkaBus`, so configuration code chooses an adapter the same way. */
export function createInProcessBus(options: InProcessBusOptions = {}): InProcessBus {
  return new InProcessBus(options);
}
