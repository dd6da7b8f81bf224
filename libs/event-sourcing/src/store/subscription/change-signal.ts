/**
 * Wakes waiting subscriptions when the log may have grown. A waiter passes the version it saw
 * before reading, so a change that lands between its read and its wait is never missed.
 */
export class ChangeSignal {
  private version = 0;
  private readonly waiters = new Set<() => void>();

  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version++;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Resolves on the first change after `since`, after `timeoutMs`, or when `cancel()` is called. */
  wait(since: number, timeoutMs: number): { promise: Promise<void>; cancel: () => void } {
    if (this.version !== since) return { promise: Promise.resolve(), cancel: () => undefined };
    let cancel: () => void = () => undefined;
    const promise = new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const waiters = this.waiters;
      function done(): void {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      }
      this.waiters.add(done);
      cancel = done;
    });
    return { promise, cancel };
  }
}
