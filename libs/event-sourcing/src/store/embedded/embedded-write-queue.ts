interface QueuedWrite {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export type WriteOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit for a synchronous database: writes asked for while the process is busy are queued and run together on
 * the next turn of the event loop, in one transaction, so they share one commit (one fsync) instead of paying one
 * each; a cohort upload writes many transcripts at once. Each write is still answered only once that commit is
 * durable, with its own outcome: `commit` runs the works in order and says how each ended.
 */
export class EmbeddedWriteQueue {
  private queued: QueuedWrite[] = [];
  private scheduled = false;

  constructor(private readonly commit: (works: (() => unknown)[]) => WriteOutcome[]) {}

  enqueue<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  /** Runs what is queued now (also before the database closes). */
  flush(): void {
    this.scheduled = false;
    const writes = this.queued;
    this.queued = [];
    if (writes.length === 0) return;
    let outcomes: WriteOutcome[];
    try {
      outcomes = this.commit(writes.map((w) => w.work));
    } catch (error) {
      // The transaction as a whole failed (the storage): none of the writes happened.
      for (const w of writes) w.reject(error);
      return;
    }
    writes.forEach((w, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) w.resolve(outcome.value);
      else w.reject(outcome.error);
    });
  }
}
