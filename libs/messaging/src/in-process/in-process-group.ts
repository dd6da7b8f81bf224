import { shareEventLoop } from '@alliance/event-sourcing';
import type { WireRecord } from '../codec/wire-record';
import type { DeadLetter } from '../dead-letters/dead-letter';
import type { ConsumerLag, MessageHandler } from '../integration-bus.port';
import { deliver, errorSummary } from '../retry/deliver';
import { backoffDelay, type RetryPolicy } from '../retry/retry-policy';
import { abortableSleep, type Deferred } from './deferred';

export interface QueuedEntry {
  record: WireRecord;
  topic: string;
  partition: number;
  offset: number;
  replayed: boolean;
  /** Resolved once the group acknowledged the entry (handled or dead-lettered); what `publish` waits for. */
  acknowledged?: Deferred;
}

interface Member {
  handler: MessageHandler;
  policy: RetryPolicy;
  stopping: AbortController;
  inFlight: Set<Promise<unknown>>;
}

/**
 * One consumer group of the in-process bus: an ordered queue per topic partition, drained one entry at a
 * time, each partition served by one member at a time (members share partitions like Kafka group members).
 */
export class InProcessGroup {
  private readonly members: Member[] = [];
  private readonly queues = new Map<string, QueuedEntry[]>();
  private readonly draining = new Set<string>();
  /** Last acknowledged offset per topic partition, for lag. */
  private readonly acknowledged = new Map<string, number>();
  /** The bus is shutting down: a member that leaves now does not come back in this process. */
  private closing = false;
  readonly topics = new Set<string>();

  constructor(
    readonly name: string,
    private readonly deadLetter: (letter: Omit<DeadLetter, 'id'>) => Promise<unknown>,
  ) {}

  get hasMembers(): boolean {
    return this.members.length > 0;
  }

  join(handler: MessageHandler, policy: RetryPolicy): () => Promise<void> {
    const member: Member = { handler, policy, stopping: new AbortController(), inFlight: new Set() };
    this.members.push(member);
    for (const key of this.queues.keys()) this.kick(key);
    return async () => {
      const index = this.members.indexOf(member);
      if (index < 0) return;
      this.members.splice(index, 1);
      member.stopping.abort();
      await Promise.allSettled(member.inFlight);
      if (!this.hasMembers) this.settlePublishers();
    };
  }

  /**
   * The bus is shutting down. Entries of a group whose members have all left can no longer be acknowledged in this
   * process: their publishers are told so (an outbox relay then keeps its checkpoint and publishes them again at the
   * next start) instead of being answered as if the group had them, which would lose them with the process.
   */
  beginClosing(): void {
    this.closing = true;
    if (!this.hasMembers) this.settlePublishers();
  }

  enqueue(entry: QueuedEntry): void {
    const key = `${entry.topic}#${entry.partition}`;
    let queue = this.queues.get(key);
    if (!queue) this.queues.set(key, (queue = []));
    queue.push(entry);
    if (this.closing && !this.hasMembers) this.settlePublishers();
    else this.kick(key);
  }

  lag(): ConsumerLag {
    const partitions: ConsumerLag['partitions'] = [];
    for (const [key, queue] of this.queues) {
      const [topic, p] = key.split('#');
      const partition = Number(p);
      const committed = this.acknowledged.get(key) ?? (queue[0] ? queue[0].offset - 1 : 0);
      const head = queue.at(-1)?.offset ?? committed;
      partitions.push({ topic, partition, committed, head, lag: queue.length });
    }
    return { group: this.name, total: partitions.reduce((n, p) => n + p.lag, 0), partitions };
  }

  private kick(key: string): void {
    if (this.draining.has(key) || !this.hasMembers) return;
    this.draining.add(key);
    void this.drain(key).finally(() => {
      this.draining.delete(key);
      if ((this.queues.get(key)?.length ?? 0) > 0) this.kick(key);
    });
  }

  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length > 0 && this.hasMembers) {
      const entry = queue[0];
      const member = this.members[entry.partition % this.members.length];
      const work = this.handle(entry, member);
      member.inFlight.add(work);
      let done: boolean;
      try {
        done = await work;
      } finally {
        member.inFlight.delete(work);
      }
      if (!done) continue; // the member left mid-delivery: another member (or a later one) takes it over
      queue.shift();
      this.acknowledged.set(key, entry.offset);
      entry.acknowledged?.resolve();
      // Handlers on the embedded stores finish without giving the event loop back: a backlog of thousands
      // would otherwise be delivered in one stretch that every request of the process waits behind.
      await shareEventLoop();
    }
  }

  private async handle(entry: QueuedEntry, member: Member): Promise<boolean> {
    const outcome = await deliver(entry.record, {
      handler: member.handler,
      policy: member.policy,
      context: { group: this.name, topic: entry.topic, partition: entry.partition, offset: String(entry.offset), replayed: entry.replayed },
      isActive: () => !member.stopping.signal.aborted,
      sleep: (ms) => abortableSleep(ms, member.stopping.signal),
    });
    if (outcome.status === 'aborted') return false;
    if (outcome.status === 'dead-letter') {
      const letter = {
        group: this.name,
        topic: entry.topic,
        partition: entry.partition,
        offset: String(entry.offset),
        original: entry.record,
        reason: outcome.reason,
        error: errorSummary(outcome.error),
        attempts: outcome.attempts,
        failedAt: new Date().toISOString(),
      };
      return this.keepDeadLetter(letter, member);
    }
    return true;
  }

  /**
   * The journal may refuse the letter (a full disk): the entry then stays at the head of its queue and the write
   * is retried with back-off, since acknowledging it unjournalled would lose the only copy of the message.
   */
  private async keepDeadLetter(letter: Omit<DeadLetter, 'id'>, member: Member): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.deadLetter(letter);
        return true;
      } catch {
        if (member.stopping.signal.aborted) return false;
        await abortableSleep(backoffDelay(member.policy, attempt), member.stopping.signal);
        if (member.stopping.signal.aborted) return false;
      }
    }
  }

  /**
   * Nobody consumes for now. Outside shutdown the entries stay queued for the next member and their publishers stop
   * waiting; while the bus closes no member will come, so the publishers learn that the group does not have them.
   */
  private settlePublishers(): void {
    const error = this.closing ? new GroupUnavailableError(this.name) : undefined;
    for (const queue of this.queues.values()) {
      for (const entry of queue) {
        if (error) entry.acknowledged?.reject(error);
        else entry.acknowledged?.resolve();
        entry.acknowledged = undefined;
      }
    }
  }
}

/**
 * A publish the in-process bus could not hand to a consumer group before it closed: nothing acknowledged it, so the
 * publisher must keep the messages (an outbox relay does not checkpoint them and publishes them at its next start).
 */
export class GroupUnavailableError extends Error {
  constructor(readonly group: string) {
    super(`consumer group ${group} stopped while the in-process bus closes; the messages stay with their publisher for its next start`);
    this.name = 'GroupUnavailableError';
  }
}
