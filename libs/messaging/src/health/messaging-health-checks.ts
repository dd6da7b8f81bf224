import type { BusConsumer } from '../integration-bus.port';
import type { OutboxRelay } from '../relay/outbox-relay';

/** Shaped like a readiness indicator of the services' health registry (this lib does not depend on Nest). */
export interface MessagingHealthCheck {
  name: string;
  check(): Promise<Record<string, unknown>>;
}

/** Down once the relay stopped; otherwise its store position, how far it trails the store head, what it published, and why it retries. */
export function outboxHealthCheck(relay: Pick<OutboxRelay, 'status'>): MessagingHealthCheck {
  return {
    name: 'outbox',
    async check() {
      const status = await relay.status();
      if (!status.running) throw new Error(`outbox relay stopped${status.lastError ? `: ${status.lastError}` : ''}`);
      const details = { position: status.position, head: status.head, lag: status.lag, published: status.published };
      // Still running, retrying with back-off (a broker down, a full disk under the checkpoint): ready, with the cause.
      return status.lastError ? { ...details, degraded: `outbox relay retrying: ${status.lastError}` } : details;
    },
  };
}

/**
 * The consumer group's lag per partition and in total. Lag alone never makes a service unready (a replica
 * catching up should still take requests); failing to read it (the broker unreachable) does.
 */
export function consumerHealthCheck(consumer: () => BusConsumer | undefined): MessagingHealthCheck {
  return {
    name: 'consumer',
    async check() {
      const current = consumer();
      if (!current) throw new Error('not subscribed yet');
      const lag = await current.getLag();
      return { group: lag.group, lag: lag.total, partitions: lag.partitions.filter((p) => p.lag > 0) };
    },
  };
}
