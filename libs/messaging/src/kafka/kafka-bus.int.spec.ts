import { KAFKA_BROKERS, testKafka } from '@alliance/testing';
import { describeBusContract } from '../testing/bus-contract-suite';
import { KafkaBus } from './kafka-bus';

jest.setTimeout(60_000);

describeBusContract('kafka', {
  createBus: async () =>
    new KafkaBus({
      brokers: KAFKA_BROKERS,
      clientId: 'bus-contract',
      topicPrefix: 'contract.',
      partitions: 4,
      logLevel: 'nothing',
      commitIntervalMs: 200,
    }),
  injectRaw: async (bus, source, record) => {
    const producer = testKafka('foreign-producer').producer();
    await producer.connect();
    try {
      await producer.send({ topic: (bus as KafkaBus).topics.source(source), messages: [record] });
    } finally {
      await producer.disconnect();
    }
  },
  timeoutMs: 30_000,
});
