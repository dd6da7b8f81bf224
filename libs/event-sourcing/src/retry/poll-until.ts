export interface PollPatience {
  timeoutMs: number;
  /** Pause between probes. Default 50 ms. */
  intervalMs?: number;
  /** The error thrown once the time is up; default names nothing but the time. */
  timedOut?: () => Error;
  /** Called between probes with the time waited so far: progress for a long wait. */
  onWait?: (elapsedMs: number) => void;
}

/**
 * Probes until `probe` answers something other than undefined, pausing `intervalMs` between probes, and throws
 * `timedOut()` once `timeoutMs` has passed. Every read-your-writes wait of the kernel and the services, and the
 * tests' polling, go through here.
 */
export async function pollUntil<T>(probe: () => T | undefined | Promise<T | undefined>, patience: PollPatience): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    const elapsed = Date.now() - started;
    if (elapsed > patience.timeoutMs) throw patience.timedOut?.() ?? new Error(`timed out after ${patience.timeoutMs} ms`);
    patience.onWait?.(elapsed);
    await new Promise((r) => setTimeout(r, patience.intervalMs ?? 50));
  }
}
