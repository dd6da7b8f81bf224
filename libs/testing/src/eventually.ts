/** Polls `check` until it stops throwing or `timeoutMs` passes (then rethrows its last error). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

export interface DefinedPatience {
  timeoutMs: number;
  intervalMs?: number;
  /** The error thrown once the time is up. */
  timedOut?: () => Error;
}

/** Polls `probe` until it answers something other than undefined, or throws once `timeoutMs` passes. */
export async function eventuallyDefined<T>(probe: () => Promise<T | undefined>, patience: DefinedPatience): Promise<T> {
  const deadline = Date.now() + patience.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw patience.timedOut?.() ?? new Error('timed out');
    await new Promise((r) => setTimeout(r, patience.intervalMs ?? 50));
  }
}
