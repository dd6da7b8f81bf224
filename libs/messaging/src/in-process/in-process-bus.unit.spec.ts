import { encodeMessage } from '../codec/wire-record';
import { describeBusContract } from '../testing/bus-contract-suite';
import { InProcessBus } from './in-process-bus';

describeBusContract('in-process', {
  createBus: async () => new InProcessBus({ partitions: 4 }),
  injectRaw: async (bus, source, record) => {
    // The in-process producer refuses malformed messages, so reach past it the way a foreign producer would on Kafka.
    const target = bus as unknown as { groups: Map<string, { topics: Set<string>; enqueue(e: unknown): void }> };
    for (const group of target.groups.values()) {
      if (group.topics.has(source)) group.enqueue({ record, topic: source, partition: 0, offset: 0, replayed: false });
    }
  },
  timeoutMs: 5_000,
});

void encodeMessage;
