import {
  type Backoff,
  backoffMs,
  CheckpointedSubscription,
  type CheckpointStore,
  type EventStore,
  pollUntil,
  type RecordedEvent,
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
  private handled = 0;
  private failing?: ReactorFailure;
  private readonly subscription: CheckpointedSubscription;

  constructor(private readonly options: ReactorSubscriptionOptions) {
    this.subscription = new CheckpointedSubscription({
      name: options.name,
      store: options.store,
      checkpoints: options.checkpoints,
      filter: { eventTypes: options.eventTypes, streamPrefixes: options.streamPrefixes },
      backoff: this.backoff,
      onStart: (checkpoint) => (this.handled = checkpoint),
      handle: (event) => this.handle(event),
      onError: (error, attempt) => {
        this.failing = { stage: 'subscription', error: messageOf(error), attempts: attempt };
        options.onError?.(error, undefined, attempt);
      },
    });
  }

  get position(): number {
    return this.handled;
  }

  /** Resolves once the checkpoint is loaded and the subscription runs. */
  start(): Promise<void> {
    return this.subscription.start();
  }

  stop(): Promise<void> {
    return this.subscription.stop();
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

  private async handle(event: RecordedEvent): Promise<void> {
    if (!(await this.retrying(event, 'reaction', () => this.options.react(event)))) return;
    if (!(await this.retrying(event, 'checkpoint', () => this.options.checkpoints.save(this.options.name, event.position)))) return;
    this.handled = event.position;
  }

  /** Runs `action` until it succeeds (true) or the subscription stops (false). */
  private async retrying(event: RecordedEvent, stage: ReactorFailure['stage'], action: () => Promise<void>): Promise<boolean> {
    for (let attempt = 1; !this.subscription.stopping; attempt++) {
      try {
        await action();
        this.failing = undefined;
        return true;
      } catch (error) {
        this.failing = { position: event.position, stage, error: messageOf(error), attempts: attempt };
        this.options.onError?.(error, event, attempt);
        await this.subscription.pause(backoffMs(this.backoff, attempt));
      }
    }
    return false;
  }

  private get backoff(): Backoff {
    return { initialMs: 100, maxMs: this.options.maxRetryDelayMs ?? 30_000 };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
