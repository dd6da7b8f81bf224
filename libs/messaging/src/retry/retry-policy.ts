import { backoffMs } from '@alliance/event-sourcing';

/** Bounded retries with exponential back-off for transient handler failures. */
export interface RetryPolicy {
  /** Total deliveries before the message is dead-lettered (1 = no retry). */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** Growth of the delay between attempts. */
  factor: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialDelayMs: 100, maxDelayMs: 5_000, factor: 2 };

export function retryPolicy(overrides: Partial<RetryPolicy> = {}, base: RetryPolicy = DEFAULT_RETRY_POLICY): RetryPolicy {
  const policy = { ...base, ...overrides };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) throw new RangeError('retry.maxAttempts must be an integer >= 1');
  if (policy.initialDelayMs < 0 || policy.maxDelayMs < policy.initialDelayMs)
    throw new RangeError('retry delays must satisfy 0 <= initialDelayMs <= maxDelayMs');
  return policy;
}

/** Delay before attempt `attempt + 1`, with jitter so that replicas retrying together spread out. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return backoffMs({ initialMs: policy.initialDelayMs, maxMs: policy.maxDelayMs, factor: policy.factor, jitter: 0.2 }, attempt);
}
