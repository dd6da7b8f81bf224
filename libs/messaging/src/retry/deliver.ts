import { describeStorageFault } from '@alliance/event-sourcing';
import { decodeMessage, type WireRecord } from '../codec/wire-record';
import { isPoisonMessage } from '../errors/poison-message.error';
import type { MessageContext, MessageHandler } from '../integration-bus.port';
import { backoffDelay, type RetryPolicy } from './retry-policy';

export type DeliveryOutcome =
  | { status: 'handled'; attempts: number }
  /** Give up on this message: the caller dead-letters it and moves on. */
  | { status: 'dead-letter'; attempts: number; reason: string; error: Error }
  /** The consumer is stopping: leave the message unacknowledged so it is redelivered. */
  | { status: 'aborted'; attempts: number };

export interface DeliveryOptions {
  handler: MessageHandler;
  policy: RetryPolicy;
  context: Omit<MessageContext, 'attempt'>;
  /** False once the consumer stops or loses the partition. */
  isActive: () => boolean;
  /** Waits for `ms` or until the consumer stops; adapters use it to keep the group session alive meanwhile. */
  sleep: (ms: number) => Promise<void>;
}

/** The same retry and dead-letter decision for both adapters, so they pass one contract suite. */
export async function deliver(record: WireRecord, options: DeliveryOptions): Promise<DeliveryOutcome> {
  let message;
  try {
    message = decodeMessage(record);
  } catch (error) {
    return { status: 'dead-letter', attempts: 0, reason: (error as Error).message, error: error as Error };
  }
  const { policy } = options;
  // Failures that count towards maxAttempts. A full or read-only disk is not the message's fault: those failures
  // are retried with growing back-off until the storage takes writes again, and never dead-letter the message.
  let counted = 0;
  for (let attempt = 1; ; attempt++) {
    if (!options.isActive()) return { status: 'aborted', attempts: attempt - 1 };
    try {
      await options.handler(message, { ...options.context, attempt });
      return { status: 'handled', attempts: attempt };
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      if (isPoisonMessage(error)) {
        return { status: 'dead-letter', attempts: attempt, reason: `${error.code}: ${error.message}`, error };
      }
      if (describeStorageFault(error)) {
        await options.sleep(backoffDelay(policy, attempt));
        continue;
      }
      if (++counted >= policy.maxAttempts) {
        return {
          status: 'dead-letter',
          attempts: attempt,
          reason: `retries exhausted after ${attempt} attempt(s) of ${message.type} v${message.version} ${message.eventId}: ${error.message}`,
          error,
        };
      }
      await options.sleep(backoffDelay(policy, counted));
    }
  }
}

export function errorSummary(error: Error): { name: string; message: string; stack?: string } {
  return { name: error.name, message: error.message, stack: error.stack };
}
