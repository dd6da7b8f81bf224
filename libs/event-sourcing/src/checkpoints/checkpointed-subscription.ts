import type { RecordedEvent } from '../envelope';
import type { AllFilter, EventStore, Subscription } from '../event-store.port';
import { type Backoff, backoffMs } from '../retry/backoff';
import { repairRecordedEvent } from '../upcasting/repair-unstorable-text';
import type { CheckpointStore } from './checkpoint-store.port';

export interface CheckpointedSubscriptionOptions {
  /** The checkpoint's key in `checkpoints`. */
  name: string;
  store: EventStore;
  checkpoints: CheckpointStore;
  filter?: AllFilter;
  /** Called with the checkpoint loaded at each (re)start, before the first event from it arrives. */
  onStart?: (checkpoint: number) => void;
  /** Each event after the checkpoint, in store order, repaired as projections see it; the next waits for it. */
  handle: (event: RecordedEvent) => Promise<void>;
  onCaughtUp?: () => void;
  /** The subscription ended because `stop` was called: what the consumer still holds can be finished here. */
  onStopped?: () => Promise<void>;
  /** Loading the checkpoint or reading the log failed (`attempt` counts the failures): restarted after back-off. */
  onError?: (error: unknown, attempt: number) => void;
  /** Pauses before each restart. Default 200 ms doubling up to 5 s. */
  backoff?: Backoff;
}

/**
 * The loop under every consumer of a service's own log that keeps its position in a `CheckpointStore` (the outbox
 * relay, issuance's process manager): subscribe from the stored checkpoint, hand each event over in order, and
 * when reading fails, start again from the stored checkpoint after a back-off, so nothing is skipped and nothing
 * ends the process. Saving the checkpoint is the consumer's: only it knows when an event's effect is durable.
 */
export class CheckpointedSubscription {
  private subscription?: Subscription;
  private loop?: Promise<void>;
  private stopRequested = false;
  private readonly wakers = new Set<() => void>();

  constructor(private readonly options: CheckpointedSubscriptionOptions) {}

  /** True from `stop` until the next `start`: a consumer's own retries give up then. */
  get stopping(): boolean {
    return this.stopRequested;
  }

  get running(): boolean {
    return this.loop !== undefined && !this.stopRequested;
  }

  /** Resolves once the subscription runs (or its first attempt failed and is being retried). */
  async start(): Promise<void> {
    if (this.loop) return;
    this.stopRequested = false;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    this.loop = this.run(started);
    await running;
  }

  /** Stops reading, cuts every pause short, and resolves once the loop (and `onStopped`) ended. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    for (const wake of this.wakers) wake();
    await this.subscription?.stop().catch(() => undefined);
    await this.loop;
    this.loop = undefined;
  }

  /** A pause that `stop` cuts short: for the consumer's own retries too. */
  pause(ms: number): Promise<void> {
    if (this.stopRequested) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }

  private async run(started: () => void): Promise<void> {
    for (let attempt = 1; !this.stopRequested; attempt++) {
      let failure: unknown;
      try {
        const checkpoint = await this.options.checkpoints.load(this.options.name);
        this.options.onStart?.(checkpoint);
        const subscription = this.options.store.subscribeToAll({
          fromPosition: checkpoint,
          filter: this.options.filter,
          // An event stored before appends refused unstorable text is handed over repaired.
          handler: (event) => this.options.handle(repairRecordedEvent(event)),
          onCaughtUp: this.options.onCaughtUp,
          onError: (error) => (failure ??= error),
        });
        this.subscription = subscription;
        started();
        await subscription.done;
        if (this.stopRequested) {
          await this.options.onStopped?.();
          return;
        }
        failure ??= new Error('the store subscription ended unexpectedly');
      } catch (error) {
        failure = error;
        started();
      }
      if (this.stopRequested) return;
      this.options.onError?.(failure, attempt);
      await this.pause(backoffMs(this.options.backoff ?? { initialMs: 200, maxMs: 5_000 }, attempt));
    }
  }
}
