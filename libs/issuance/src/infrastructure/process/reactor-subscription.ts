import { type EventStore, type RecordedEvent, repairRecordedEvent, type Subscription } from '@alliance/event-sourcing';
import type { RelayCheckpointStore } from '@alliance/messaging';

export interface ReactorSubscriptionOptions {
  name: string;
  store: EventStore;
  checkpoints: RelayCheckpointStore;
  eventTypes: string[];
  streamPrefixes: string[];
  react: (event: RecordedEvent) => Promise<void>;
  onError?: (error: unknown, event: RecordedEvent, attempt: number) => void;
  maxRetryDelayMs?: number;
}

/**
 * Runs the process manager's reactions over issuance's own log, checkpointed after each event. A failing
 * reaction is retried with back-off and never skipped: a credential must not silently stay undrafted.
 */
export class ReactorSubscription {
  private subscription?: Subscription;
  private stopping = false;
  private handled = 0;
  private failing?: { position: number; error: string; attempts: number };
  private wakeRetry?: () => void;

  constructor(private readonly options: ReactorSubscriptionOptions) {}

  get position(): number {
    return this.handled;
  }

  async start(): Promise<void> {
    this.stopping = false;
    this.handled = await this.options.checkpoints.load(this.options.name);
    this.subscription = this.options.store.subscribeToAll({
      fromPosition: this.handled,
      filter: { eventTypes: this.options.eventTypes, streamPrefixes: this.options.streamPrefixes },
      // An event stored before appends refused unstorable text reaches the reactions repaired, like projections see it.
      handler: (event) => this.handle(repairRecordedEvent(event)),
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeRetry?.();
    await this.subscription?.stop();
  }

  /** Resolves once every reaction to events up to `position` ran (read-your-writes for the HTTP layer and tests). */
  async waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.reached(position))) {
      if (Date.now() > deadline) throw new Error(`${this.options.name} did not reach position ${position} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async reached(position: number): Promise<boolean> {
    if (this.handled >= position) return true;
    const filter = { eventTypes: this.options.eventTypes, streamPrefixes: this.options.streamPrefixes };
    for await (const next of this.options.store.readAll({ fromPosition: this.handled, filter, maxCount: 1 })) return next.position > position;
    return true;
  }

  status(): { position: number; failing?: { position: number; error: string; attempts: number } } {
    return { position: this.handled, ...(this.failing ? { failing: this.failing } : {}) };
  }

  private async handle(event: RecordedEvent): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await this.options.react(event);
        this.failing = undefined;
        break;
      } catch (error) {
        this.failing = { position: event.position, error: (error as Error).message, attempts: attempt };
        this.options.onError?.(error, event, attempt);
        await this.pause(Math.min(this.options.maxRetryDelayMs ?? 30_000, 100 * 2 ** (attempt - 1)));
      }
    }
    if (this.stopping && this.failing) return;
    await this.options.checkpoints.save(this.options.name, event.position);
    this.handled = event.position;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeRetry = () => (clearTimeout(timer), resolve());
    });
  }
}
