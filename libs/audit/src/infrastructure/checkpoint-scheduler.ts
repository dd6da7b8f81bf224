import { Logger } from '@nestjs/common';
import type { EventStore } from '@alliance/event-sourcing';
import type { AuditSource } from '../application/audit-source';
import { type Checkpointer, lastCheckpoint } from '../application/checkpointer';

/** Makes a checkpoint of a store once N events are waiting or T has passed since its last one. */
export class CheckpointScheduler {
  private readonly logger = new Logger('CheckpointScheduler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly lastMadeAt = new Map<string, number>();

  constructor(
    private readonly sources: AuditSource[],
    private readonly auditStore: EventStore,
    private readonly checkpointer: Checkpointer,
    private readonly everyEvents: number,
    private readonly intervalMs: number,
    private readonly pollMs = 2000,
  ) {}

  start(): void {
    const started = Date.now();
    for (const s of this.sources) this.lastMadeAt.set(s.name, started);
    this.timer = setInterval(() => {
      this.running ??= this.tick()
        .catch((e: unknown) => this.logger.warn({ msg: 'checkpoint round failed; retrying on the next tick', error: String(e) }))
        .finally(() => (this.running = undefined));
    }, this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    for (const source of this.sources) {
      const head = await source.store.headPosition();
      const covered = (await lastCheckpoint(this.auditStore, source.name))?.data.toPosition ?? 0;
      const waiting = head - covered;
      const due = this.intervalMs > 0 && Date.now() - (this.lastMadeAt.get(source.name) ?? 0) >= this.intervalMs;
      if (waiting >= this.everyEvents || (waiting > 0 && due)) {
        const cp = await this.checkpointer.checkpoint(source);
        this.lastMadeAt.set(source.name, Date.now());
        if (cp)
          this.logger.log({
            msg: 'checkpoint made',
            store: cp.store,
            sequence: cp.sequence,
            toPosition: cp.toPosition,
            treeSize: cp.treeSize,
          });
      }
    }
  }
}
