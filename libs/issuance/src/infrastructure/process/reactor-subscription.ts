import {
  backoffMs,
  type CheckpointStore,
  type EventStore,
  pollUntil,
  type RecordedEvent,
  repairRecordedEvent,
  type Subscription,
} from '@alliance/event-sourcing';

export interface ReactorSubscriptionOptions {
  name: string;
  store: EventStore;
  checkpoints: CheckpointStore;
  eventTypes: string[];
  streamPrefixes: string[];
  react: (event: RecordedEvent) => Promise<void>;
  onError?: (error: unknown, event: RecordedEvent | undefined, attempt: number) => void;
  maxRetryDelayMs?: number;
}

export interface ReactorFailure {
  /** The event whose reaction or checkpoint fails; absent when reading the log or the checkpoint fails. */
  position?: number;
  /** `reaction`, `checkpoint` (saving the position after the reaction ran) or `subscription` (reading the log). */
  stage: 'reaction' | 'checkpoint' | 'subscription';
  error: string;
  attempts: number;
}

/**
 * Runs the process manager's reactions over issuance's own log, checkpointed after each event. A failing
 * reaction is retried with back-off and never skipped: a credential must not silently stay undrafted. Saving the
 * checkpoint and reading the log (a full disk, a lost database) are retried the same way, and the subscription is
 * restarted from the last checkpoint whenever it ends by an error: nothing here can end the process.
 */
export class ReactorSubscription {
  private subscription?: Subscription;
  private loop?: Promise<void>;
  private stopping = false;
  private handled = 0;
  private failing?: ReactorFailure;
  private wakeRetry?: () => void;

  constructor(private readonly options: ReactorSubscriptionOptions) {}

  get position(): number {
    return this.handled;
  }

  /** Resolves once the checkpoint is loaded and the subscription runs. */
  async start(): Promise<void> {
    if (this.loop) return;
    this.stopping = false;
    this.handled = await this.options.checkpoints.load(this.options.name);
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    this.loop = this.run(started);
    await running;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeRetry?.();
    await this.subscription?.stop();
    await this.loop;
    this.loop = undefined;
  }

  /** Resolves once every reaction to events up to `position` ran (read-your-writes for the HTTP layer and tests). */
  async waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    await pollUntil(async () => ((await this.reached(position)) ? true : undefined), {
      timeoutMs,
      intervalMs: 10,
      timedOut: () => new Error(`${this.options.name} did not reach position ${position} within ${timeoutMs} ms`),
    });
  }

  private async reached(position: number): Promise<boolean> {
    if (this.handled >= position) return true;
    const filter = { eventTypes: this.options.eventTypes, streamPrefixes: this.options.streamPrefixes };
    for await (const next of this.options.store.readAll({ fromPosition: this.handled, filter, maxCount: 1 }))
      return next.position > position;
    return true;
  }

  status(): { position: number; failing?: ReactorFailure } {
    return { position: this.handled, ...(this.failing ? { failing: this.failing } : {}) };
  }

  private async run(started: () => void): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      let failure: unknown;
      try {
        if (attempt > 1) this.handled = await this.options.checkpoints.load(this.options.name);
        const subscription = this.options.store.subscribeToAll({
          fromPosition: this.handled,
          filter: { eventTypes: this.options.eventTypes, streamPrefixes: this.options.streamPrefixes },
          // An event stored before appends refused unstorable text reaches the reactions repaired, like projections see it.
          handler: (event) => this.handle(repairRecordedEvent(event)),
          onError: (error) => (failure = error),
        });
        this.subscription = subscription;
        started();
        await subscription.done;
        if (this.stopping) return;
        failure ??= new Error('the store subscription ended unexpectedly');
      } catch (error) {
        failure = error;
        started();
      }
      if (this.stopping) return;
      this.failing = { stage: 'subscription', error: messageOf(failure), attempts: attempt };
      this.options.onError?.(failure, undefined, attempt);
      await this.pause(this.delay(attempt));
    }
  }

  private async handle(event: RecordedEvent): Promise<void> {
    if (!(await this.retrying(event, 'reaction', () => this.options.react(event)))) return;
    if (!(await this.retrying(event, 'checkpoint', () => this.options.checkpoints.save(this.options.name, event.position)))) return;
    this.handled = event.position;
  }

  /** Runs `action` until it succeeds (true) or the subscription stops (false). */
  private async retrying(event: RecordedEvent, stage: ReactorFailure['stage'], action: () => Promise<void>): Promise<boolean> {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await action();
        this.failing = undefined;
        return true;
      } catch (error) {
        this.failing = { position: event.position, stage, error: messageOf(error), attempts: attempt };
        this.options.onError?.(error, event, attempt);
        await this.pause(this.delay(attempt));
      }
    }
    return false;
  }

  private delay(attempt: number): number {
    return backoffMs({ initialMs: 100, maxMs: this.options.maxRetryDelayMs ?? 30_000 }, attempt);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeRetry = () => (clearTimeout(timer), resolve());
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
