/** Growing pauses between attempts at background work that failed: a store, a broker or a consumer not answering. */
export interface Backoff {
  /** The pause before the first retry. */
  initialMs: number;
  /** No pause is longer. */
  maxMs: number;
  /** Growth per attempt. Default 2. */
  factor?: number;
  /**
   * Spread, as a fraction of the pause (0.2 = ±20 %), so that many waiters retrying the same resource do not
   * wake together. Default 0.
   */
  jitter?: number;
}

/**
 * The pause before retry number `attempt` (1 for the first): `initialMs × factor^(attempt − 1)`, at most `maxMs`,
 * spread by `jitter`. Every retry loop of the kernel, the bus and the process managers takes its pauses from here.
 */
export function backoffMs(backoff: Backoff, attempt: number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 64);
  const raw = Math.min(backoff.maxMs, backoff.initialMs * (backoff.factor ?? 2) ** exponent);
  const jitter = backoff.jitter ?? 0;
  return jitter > 0 ? Math.round(raw * (1 - jitter + Math.random() * 2 * jitter)) : raw;
}
