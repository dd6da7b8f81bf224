import {
  type AllFilter,
  type CheckpointStore,
  CheckpointedSubscription,
  type EventStore,
  type RecordedEvent,
  backoffMs,
} from '@alliance/event-sourcing';
import type { IntegrationBus, IntegrationMessage } from '../integration-bus.port';

/** Domain event → the integration messages it is published as (none for internal facts). */
export type EventMapper = (event: RecordedEvent) => IntegrationMessage | IntegrationMessage[] | null | undefined;

export interface OutboxRelayOptions {
  /** Checkpoint key, unique per service, e.g. `catalogue`. */
  name: string;
  store: EventStore;
  bus: IntegrationBus;
  checkpoints: CheckpointStore;
  map: EventMapper;
  /** Narrows the store subscription (e.g. to the event types the mapper publishes). */
  filter?: AllFilter;
  /** Messages per publish. Default 500. */
  batchSize?: number;
  /** How long a partial batch waits for more events before it is published. Default 10 ms. */
  lingerMs?: number;
  /** Back-off bounds after a failure of the store, the bus or the checkpoint. */
  retryDelayMs?: { initial: number; max: number };
  /** How long `stop` waits for a publish in flight (a broker that is down) before it gives up on it. Default 15 s. */
  stopTimeoutMs?: number;
  /** Failures the relay recovers from by itself, for logging. */
  onError?: (error: unknown) => void;
}

export interface RelayStatus {
  name: string;
  running: boolean;
  /** Store position up to which everything is published and checkpointed. */
  position: number;
  head: number;
  /**
   * How far the checkpoint trails the head while events remain to publish (the events between that the filter
   * or mapper skip are counted too); 0 once every event the filter lets through is published.
   */
  lag: number;
  published: number;
  lastError?: string;
}

/**
 * Publishes a service's integration events from its event store: a checkpointed subscription that maps,
 * batches and publishes, then checkpoints. A crash between publish and checkpoint republishes the batch
 * (inboxes drop the duplicates); nothing is ever skipped, so a mapper that throws halts the relay until fixed.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly lingerMs: number;
  private readonly delays: { initial: number; max: number };
  private buffer: IntegrationMessage[] = [];
  private seen = 0;
  private checkpointed = 0;
  private published = 0;
  private lastError?: unknown;
  private flushing: Promise<void> = Promise.resolve();
  private linger?: NodeJS.Timeout;
  /** A publish failed while stopping: nothing more is published or checkpointed until the next start. */
  private abandoned = false;
  private readonly subscription: CheckpointedSubscription;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.lingerMs = options.lingerMs ?? 10;
    this.delays = options.retryDelayMs ?? { initial: 200, max: 5_000 };
    this.subscription = new CheckpointedSubscription({
      name: options.name,
      store: options.store,
      checkpoints: options.checkpoints,
      filter: options.filter,
      backoff: { initialMs: this.delays.initial, maxMs: this.delays.max },
      // Each (re)start goes on from what is checkpointed: what was buffered but not published is read again.
      onStart: (checkpoint) => {
        this.checkpointed = checkpoint;
        this.seen = checkpoint;
        this.buffer = [];
      },
      handle: (event) => this.onEvent(event),
      onCaughtUp: () => void this.flush().catch(() => undefined),
      onStopped: () => this.flush().catch(() => undefined),
      onError: (error) => this.report(error),
    });
  }

  private get stopping(): boolean {
    return this.subscription.stopping;
  }

  /** Position published and checkpointed so far. */
  get position(): number {
    return this.checkpointed;
  }

  /** Resolves once the checkpoint is loaded and the subscription runs. */
  async start(): Promise<void> {
    if (this.subscription.running) return;
    this.abandoned = false;
    await this.subscription.start();
  }

  async stop(): Promise<void> {
    const stopped = this.subscription.stop();
    clearTimeout(this.linger);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((r) => (timer = setTimeout(r, this.options.stopTimeoutMs ?? 15_000)));
    // Whatever is still in flight after the timeout was not checkpointed, so the next start republishes it.
    await Promise.race([stopped, timeout]);
    clearTimeout(timer);
  }

  async status(): Promise<RelayStatus> {
    const head = await this.options.store.headPosition();
    return {
      name: this.options.name,
      running: this.subscription.running,
      position: this.checkpointed,
      head,
      lag: (await this.nothingLeftToPublish(head)) ? 0 : Math.max(0, head - this.checkpointed),
      published: this.published,
      lastError: this.lastError === undefined ? undefined : String((this.lastError as Error)?.message ?? this.lastError),
    };
  }

  /**
   * The checkpoint moves only to events the subscription delivers, so events the filter skips after the last
   * published one (a service's internal facts at the end of its log) would read as lag for ever. Nothing
   * buffered and no event the filter lets through after the checkpoint: everything is published.
   */
  private async nothingLeftToPublish(head: number): Promise<boolean> {
    if (head <= this.checkpointed) return true;
    if (this.buffer.length > 0 || !this.options.filter) return false;
    for await (const _next of this.options.store.readAll({ fromPosition: this.checkpointed, filter: this.options.filter, maxCount: 1 }))
      return false;
    return true;
  }

  private async onEvent(event: RecordedEvent): Promise<void> {
    if (this.abandoned) return;
    // Events arrive repaired (an event stored before appends refused unstorable text): consumers' read models take them.
    const mapped = this.options.map(event);
    if (mapped) this.buffer.push(...(Array.isArray(mapped) ? mapped : [mapped]));
    this.seen = event.position;
    if (this.buffer.length >= this.batchSize) await this.flush();
    else this.linger ??= setTimeout(() => void this.flush().catch(() => undefined), this.lingerMs);
  }

  /** Serialised: a batch is published and checkpointed before the next one starts. */
  private flush(): Promise<void> {
    const next = this.flushing.catch(() => undefined).then(() => this.publishPending());
    this.flushing = next;
    return next;
  }

  private async publishPending(): Promise<void> {
    clearTimeout(this.linger);
    this.linger = undefined;
    const batch = this.buffer;
    const upTo = this.seen;
    if (this.abandoned || (batch.length === 0 && upTo <= this.checkpointed)) return;
    this.buffer = [];
    try {
      await this.retrying(() => this.options.bus.publish(batch));
      this.published += batch.length;
      await this.retrying(() => this.options.checkpoints.save(this.options.name, upTo));
      this.checkpointed = upTo;
    } catch (error) {
      if (this.stopping) {
        // Stopping mid-flush: the batch stays unpublished or uncheckpointed, and the next start redoes it. A later
        // flush of this run must not checkpoint past it (an empty one would: the events it saw stay counted).
        this.abandoned = true;
        this.buffer = [];
      } else this.buffer = [...batch, ...this.buffer];
      throw error;
    }
  }

  private async retrying(action: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await action();
        this.lastError = undefined;
        return;
      } catch (error) {
        this.report(error);
        if (this.stopping) throw error;
        await this.subscription.pause(this.backoff(attempt + 1));
      }
    }
  }

  private backoff(attempt: number): number {
    return backoffMs({ initialMs: this.delays.initial, maxMs: this.delays.max }, attempt);
  }

  private report(error: unknown): void {
    this.lastError = error;
    this.options.onError?.(error);
  }
}

export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  return new OutboxRelay(options);
}
