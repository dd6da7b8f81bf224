import { KAFKA_BROKERS, testKafka, uniqueName } from '@alliance/testing';
import { ConfigResourceTypes } from 'kafkajs';
import type { IntegrationMessage } from '../integration-bus.port';
import { KafkaBus } from './kafka-bus';

jest.setTimeout(60_000);

/** The retention.ms a topic was created with, or undefined when it keeps the broker's default. */
async function retentionOf(topic: string): Promise<string | undefined> {
  const admin = testKafka('retention-check').admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] }],
    });
    const entry = resources[0].configEntries.find((e) => e.configName === 'retention.ms');
    return entry && !entry.isDefault ? entry.configValue : undefined;
  } finally {
    await admin.disconnect();
  }
}

describe('Kafka topics that carry personal data (real broker)', () => {
  it('are created with the bounded retention, as are dead-letter and replay topics; other topics keep the default', async () => {
    const prefix = `${uniqueName('retention')}.`;
    const bus = new KafkaBus({
      brokers: KAFKA_BROKERS,
      clientId: 'retention',
      topicPrefix: prefix,
      partitions: 1,
      logLevel: 'nothing',
      personalDataSources: ['people'],
      personalDataRetentionMs: 3_600_000,
    });
    try {
      const message = (source: string, eventId: string): IntegrationMessage => ({
        eventId,
        type: `${source}.fact.recorded`,
        version: 1,
        key: eventId,
        source,
        occurredAt: new Date().toISOString(),
        correlationId: eventId,
        payload: {},
      });
      await bus.publish([message('people', 'e1'), message('things', 'e2')]);
      const consumer = await bus.subscribe({ group: 'readers', sources: ['things'], handler: async () => undefined });
      await consumer.stop();
      expect(await retentionOf(`${prefix}people`)).toBe('3600000');
      expect(await retentionOf(`${prefix}readers.dead-letter`)).toBe('3600000');
      expect(await retentionOf(`${prefix}readers.replay`)).toBe('3600000');
      expect(await retentionOf(`${prefix}things`)).toBeUndefined();
    } finally {
      await bus.close();
    }
  });
});
