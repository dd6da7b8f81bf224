import { backoffMs } from '@alliance/event-sourcing';

/**
 * Runs `action` again while Kafka answers with a retriable error, at most `attempts` times: right after a broker
 * (re)start or a topic's creation its metadata lags behind for a few seconds (for example "This server does not
 * host this topic-partition"), which is no reason to give up starting a service.
 */
export async function whileMetadataSettles<T>(action: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= attempts || !(error as { retriable?: boolean }).retriable) throw error;
      await new Promise((r) => setTimeout(r, backoffMs({ initialMs: 400, maxMs: 3_000 }, attempt)));
    }
  }
}
