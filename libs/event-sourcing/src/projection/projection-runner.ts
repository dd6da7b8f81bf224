import { ensureReadModelTables } from '../read-model/read-model-tables';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { projectionEntities } from './projection';
import { createProjectionContext } from './projection-context';
import { ensureCheckpointTable, initCheckpoint, lockCheckpoint, readCheckpoint, writeCheckpoint } from './projection-checkpoints';
import { projectionLag, type ProjectionLag } from './projection-lag';
import { readBatch } from './read-batch';
import type { BatchResult, ProjectionRunnerOptions, ProjectionStatus } from './projection-runner-options';

/**
 * Feeds a projection from its checkpoint: each batch of events is applied and the checkpoint moved in one
 * transaction, so after a crash every event is applied exactly once. Two runners of the same projection
 * are safe: the checkpoint row lock serialises them and the loser drops its batch.
 */
export class ProjectionRunner {
  readonly checkpointName: string;
  readonly version: number;
  private readonly upcasters: UpcasterRegistry;
  private readonly batchSize: number;
  private readonly eventTypes: string[];
  private cursor = 0;
  private handledTotal = 0;
  private prepared?: Promise<void>;
  private loop?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  private currentStatus: ProjectionStatus = 'stopped';
  private error?: unknown;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.version = options.version ?? options.projection.version;
    this.checkpointName = `${options.projection.name}_v${this.version}`;
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.batchSize = Math.max(1, options.batchSize ?? 500);
    this.eventTypes = Object.keys(options.projection.handlers);
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
    if (target <= from) return { handled: 0, position: from, atHead: true };

    const upcast = events.map((e) => this.upcasters.upcast(e));
    const movedTo = await orm.em.fork().transactional(async (em) => {
      const locked = await lockCheckpoint(em, this.checkpointName);
      if (locked !== from) return locked;
      const context = createProjectionContext(em, this.version);
      for (const e of upcast) await projection.handlers[e.type]?.(e, context);
      await em.flush();
      await writeCheckpoint(em, this.checkpointName, target);
      return undefined;
    });
    if (movedTo !== undefined) {
      this.cursor = movedTo;
      return { handled: 0, position: movedTo, atHead: false };
    }
    this.cursor = target;
    this.handledTotal += events.length;
    this.options.onProgress?.({
      checkpointName: this.checkpointName,
      position: target,
      head,
      handled: events.length,
      handledTotal: this.handledTotal,
    });
    return { handled: events.length, position: target, atHead: !full };
  }

  /** Runs batches until the head seen at the start (or `until`) is reached; errors propagate. */
  async catchUp(options: { until?: number } = {}): Promise<{ handled: number; position: number }> {
    await this.prepare();
    const until = options.until ?? (await this.options.store.headPosition());
    let handled = 0;
    while (this.cursor < until) {
      const r = await this.runBatch();
      handled += r.handled;
      if (r.atHead && r.handled === 0 && this.cursor < until) break;
    }
    return { handled, position: this.cursor };
  }

  /** Starts processing in the background: catch-up, then polling. Resolves once prepared. */
  async start(): Promise<void> {
    if (this.loop) return;
    await this.prepare();
    this.stopping = false;
    this.currentStatus = 'catching-up';
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

  /** Asks a sleeping runner to poll now (e.g. right after an append in the same process). */
  poke(): void {
    this.wake?.();
  }

  /** Resolves once the checkpoint reached `position` (read-your-writes for callers and tests). */
  async waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.cursor < position) {
      if (Date.now() > deadline) {
        throw new Error(`Projection ${this.checkpointName} did not reach ${position} in ${timeoutMs} ms (at ${this.cursor})`);
      }
      if (this.loop) this.poke();
      else await this.runBatch();
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Lag from the stored checkpoint (not this runner's memory), so any process can report it. */
  lag(): Promise<ProjectionLag> {
    return projectionLag(this.options.store, this.options.orm.em, this.checkpointName);
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
      } catch (error) {
        failures++;
        this.error = error;
        this.currentStatus = 'failing';
        this.options.onError?.(error, this.cursor);
        pause = Math.min(maxDelay, 100 * 2 ** Math.min(failures, 16));
      }
      if (pause > 0 && !this.stopping) await this.sleep(pause);
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
