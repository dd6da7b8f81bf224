import { randomUUID } from 'node:crypto';
import type { IntegrationMessage } from '../integration-bus.port';

/** `count` messages spread over `keys` aggregates, each carrying its per-aggregate sequence number. */
export function testMessages(
  source: string,
  count: number,
  keys: number,
  type = `${source}.thing.happened`,
): IntegrationMessage<{ seq: number; n: number }>[] {
  const seqs = new Array<number>(keys).fill(0);
  return Array.from({ length: count }, (_, n) => {
    const k = n % keys;
    return {
      eventId: randomUUID(),
      type,
      version: 1,
      key: `agg-${k}`,
      source,
      occurredAt: new Date().toISOString(),
      correlationId: `corr-${n}`,
      causationId: `cause-${n}`,
      payload: { seq: seqs[k]++, n },
    };
  });
}
