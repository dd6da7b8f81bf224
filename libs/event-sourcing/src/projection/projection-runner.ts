import type { RecordedEvent } from '../envelope';
import { ensureReadModelTables } from '../read-model/read-model-tables';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { projectionEntities } from './projection';
import { backoffMs } from '../retry/backoff';
import { pollUntil } from '../retry/poll-until';
import { nextEventLoopTurn, shareEventLoop } from './event-loop-share';
import { createProjectionContext } from './projection-context';
import { HandlerFailures } from './handler-failures';
import { countParkedEvents, listParkedEvents, type ParkedEvent, parkEvent } from './parked-events';
import { ensureCheckpointTable, initCheckpoint, lockCheckpoint, readCheckpoint, writeCheckpoint } from './projection-checkpoints';
import { projectionLag, type ProjectionLag } from './projection-lag';
import {
  DEFAULT_PROJECTION_READINESS,
  ProjectionPace,
  type ProjectionReadiness,
  type ProjectionReadinessPolicy,
} from './projection-readiness';
import { readBatch } from './read-batch';
import type { BatchResult, ProjectionRunnerOptions, ProjectionStatus } from './projection-runner-options';

/** Events a batch applies before its time bound (`maxBatchMs`) may end it: a slow moment still makes progress. */
export const MIN_EVENTS_PER_BATCH = 25;

/**
 * Feeds a projection from its checkpoint: each batch of events is applied and the checkpoint moved in one
 * transaction, so after a crash every event is applied exactly once. Two runners of the same projection
 * are safe: the checkpoint row lock serialises them and the loser drops its batch.
 *
 * A batch whose handler fails is rolled back whole and retried. An event a handler still cannot apply after
 * `parkAfterAttempts` tries is parked (recorded with its error beside the checkpoint, in the same transaction
 * that moves past it), so one bad event never stops the read model; `parked()` and `lag()` report it.
 */
export class ProjectionRunner {
  readonly checkpointName: string;
  readonly version: number;
  private readonly upcasters: UpcasterRegistry;
  private readonly batchSize: number;
  private readonly maxBatchMs: number | undefined;
  private readonly eventTypes: string[];
  private cursor = 0;
  private handledTotal = 0;
  private prepared?: Promise<void>;
  private loop?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  private currentStatus: ProjectionStatus = 'stopped';
  private error?: unknown;
  private readonly failures: HandlerFailures;
  /** The last batch failed in a handler, on an event parking will move past: retrying is how it gets there. */
  private failedInHandler = false;
  /** In a failure back-off: pokes (read-your-writes waits) must not turn it into a busy loop. */
  private backingOff = false;
  private readonly pace: ProjectionPace;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.pace = new ProjectionPace(options.clock);
    this.version = options.version ?? options.projection.version;
    this.checkpointName = `${options.projection.name}_v${this.version}`;
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.batchSize = Math.max(1, options.batchSize ?? 500);
    this.maxBatchMs = options.maxBatchMs;
    this.eventTypes = Object.keys(options.projection.handlers);
    this.failures = new HandlerFailures(this.checkpointName, options.parkAfterAttempts);
  }

  get status(): ProjectionStatus {
    return this.currentStatus;
  }

  /** Checkpoint as this runner last saw it. */
  get position(): number {
    return this.cursor;
  }

  get lastError(): unknown {
    return this.error;
  }

  /** Creates missing read model tables and the checkpoint row; safe to call repeatedly. */
  prepare(): Promise<void> {
    this.prepared ??= (async () => {
      const { orm, projection } = this.options;
      await ensureReadModelTables(orm, projectionEntities(projection, this.version));
      const em = orm.em.fork();
      await ensureCheckpointTable(em);
      await initCheckpoint(em, this.checkpointName);
      this.cursor = (await readCheckpoint(em, this.checkpointName)) ?? 0;
    })().catch((error: unknown) => {
      this.prepared = undefined;
      throw error;
    });
    return this.prepared;
  }

  /** Reads and applies one batch in one transaction. */
  async runBatch(): Promise<BatchResult> {
    await this.prepare();
    const { store, orm, projection } = this.options;
    const from = this.cursor;
    const filter = { eventTypes: this.eventTypes, streamPrefixes: projection.streamPrefixes };
    const { events, target, full, head } = await readBatch(store, from, filter, this.batchSize);
    if (target <= from) {
      this.pace.idle();
      return { handled: 0, position: from, atHead: true };
    }

    const upcast = events.map((e) => this.upcasters.upcast(e));
    const failed: { event?: RecordedEvent } = {};
    const parked: ParkedEvent[] = [];
    this.failedInHandler = false;
    let movedTo: number | undefined;
    // The embedded read model runs handlers without giving the event loop back, so they share turns with the rest of
    // the process (the read model's own queries wait for the transaction, as before). Past `maxBatchMs`, when set,
    // the batch ends at the last applied event, which also bounds how long those queries wait.
    let applied = upcast.length;
    try {
      movedTo = await orm.em.fork().transactional(async (em) => {
        applied = upcast.length;
        const locked = await lockCheckpoint(em, this.checkpointName);
        if (locked !== from) return locked;
        const context = createProjectionContext(em, this.version);
        const started = performance.now();
        for (const [i, e] of upcast.entries()) {
          if (this.maxBatchMs !== undefined && i >= MIN_EVENTS_PER_BATCH && performance.now() - started >= this.maxBatchMs) {
            applied = i;
            break;
          }
          await shareEventLoop();
          const handle = projection.handlers[e.type];
          if (!handle) continue;
          const failure = this.failures.dueForParking(e);
          if (failure) {
            await parkEvent(em, this.checkpointName, e, failure.error, failure.attempts);
            parked.push(this.failures.describe(e, failure));
            continue;
          }
          try {
            await handle(e, context);
          } catch (error) {
            failed.event = e;
            throw error;
          }
        }
        await em.flush();
        await writeCheckpoint(em, this.checkpointName, applied < upcast.length ? upcast[applied - 1].position : target);
        return undefined;
      });
    } catch (error) {
      if (failed.event) this.failedInHandler = this.failures.note(failed.event, error);
      throw error;
    }
    this.failures.clear();
    if (movedTo !== undefined) {
      this.cursor = movedTo;
      this.pace.advanced(movedTo);
      return { handled: 0, position: movedTo, atHead: false };
    }
    for (const p of parked) this.options.onParked?.(p);
    const cut = applied < upcast.length;
    const reached = cut ? upcast[applied - 1].position : target;
    this.cursor = reached;
    this.pace.advanced(reached);
    this.handledTotal += applied;
    this.options.onProgress?.({
      checkpointName: this.checkpointName,
      position: reached,
      head,
      handled: applied,
      handledTotal: this.handledTotal,
    });
    return { handled: applied, position: reached, atHead: !full && !cut, ...(parked.length ? { parked: parked.length } : {}) };
  }

  /**
   * Runs batches until the head seen at the start (or `until`) is reached. A handler's failure on an event is
   * retried until the event is parked (unless parking is off); any other error propagates.
   */
  async catchUp(options: { until?: number } = {}): Promise<{ handled: number; position: number }> {
    await this.prepare();
    const until = options.until ?? (await this.options.store.headPosition());
    let handled = 0;
    while (this.cursor < until) {
      let r: BatchResult;
      try {
        r = await this.runBatch();
      } catch (error) {
        // A handler failed on an event: the retries that follow end with it parked, as a live run does.
        if (this.failedInHandler) continue;
        throw error;
      }
      handled += r.handled;
      if (r.atHead && r.handled === 0 && this.cursor < until) break;
      await nextEventLoopTurn();
    }
    return { handled, position: this.cursor };
  }

  /** Starts processing in the background: catch-up, then polling. Resolves once prepared. */
  async start(): Promise<void> {
    if (this.loop) return;
    await this.prepare();
    this.stopping = false;
    this.currentStatus = 'catching-up';
    this.pace.started(this.cursor);
    this.loop = this.run();
  }

  /** Stops after the batch in flight, if any. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    this.currentStatus = 'stopped';
  }

  /** Asks a sleeping runner to poll now (e.g. right after an append in the same process); a failing one keeps its back-off. */
  poke(): void {
    if (!this.backingOff) this.wake?.();
  }

  /** Resolves once the checkpoint reached `position` (read-your-writes for callers and tests). */
  async waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    await pollUntil(
      async () => {
        if (this.cursor >= position) return true;
        if (this.loop) this.poke();
        else await this.runBatch();
        return this.cursor >= position ? true : undefined;
      },
      {
        timeoutMs,
        intervalMs: 5,
        timedOut: () => new Error(`Projection ${this.checkpointName} did not reach ${position} in ${timeoutMs} ms (at ${this.cursor})`),
      },
    );
  }

  /** Lag from the stored checkpoint (not this runner's memory), so any process can report it; `parked` when it parked events. */
  async lag(): Promise<ProjectionLag> {
    const em = this.options.orm.em;
    const [lag, parked] = await Promise.all([
      projectionLag(this.options.store, em, this.checkpointName),
      countParkedEvents(em.fork(), this.checkpointName),
    ]);
    return parked ? { ...lag, parked } : lag;
  }

  /**
   * Whether readiness may count on this projection: caught up; catching up (behind, but its checkpoint moved
   * within `policy.stuckAfterMs`), with its lag and rate; or stuck (behind and not moving, or not running), with
   * the cause. Parked events are reported in `parked` as by `lag()`.
   */
  async readiness(policy: ProjectionReadinessPolicy = DEFAULT_PROJECTION_READINESS): Promise<ProjectionReadiness> {
    return this.pace.assess(await this.lag(), this.currentStatus, this.error, policy);
  }

  /** The events this projection (at this version) parked, oldest first. */
  parked(): Promise<ParkedEvent[]> {
    return listParkedEvents(this.options.orm.em.fork(), this.checkpointName);
  }

  private async run(): Promise<void> {
    const poll = this.options.pollIntervalMs ?? 200;
    const maxDelay = this.options.maxRetryDelayMs ?? 30_000;
    let failures = 0;
    while (!this.stopping) {
      let pause = 0;
      try {
        const r = await this.runBatch();
        failures = 0;
        this.error = undefined;
        this.currentStatus = r.atHead ? 'live' : 'catching-up';
        if (r.atHead) pause = poll;
        // Catching up: the next batch waits for the next turn, so requests are served between batches.
        else await nextEventLoopTurn();
      } catch (error) {
        failures++;
        this.error = error;
        this.currentStatus = 'failing';
        this.options.onError?.(error, this.cursor);
        pause = backoffMs({ initialMs: 100, maxMs: maxDelay }, failures + 1);
      }
      if (pause > 0 && !this.stopping) {
        this.backingOff = failures > 0;
        await this.sleep(pause);
        this.backingOff = false;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
