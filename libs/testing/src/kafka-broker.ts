import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

/** The broker that infra/kafka/kafka.sh runs for tests. */
export const KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

const script = join(__dirname, '..', '..', '..', 'infra', 'kafka', 'kafka.sh');
const run = (command: string) => execFileSync('bash', [script, command], { stdio: ['ignore', 'ignore', 'inherit'] });

export const startKafkaBroker = () => run('start');
export const stopKafkaBroker = () => run('stop');
export const restartKafkaBroker = () => run('restart');

/** A topic or group name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export function testKafka(clientId = 'test'): Kafka {
  return new Kafka({ clientId, brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING });
}

export async function createTopic(name: string, partitions: number): Promise<void> {
  const admin = testKafka('test-admin').admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic: name, numPartitions: partitions, replicationFactor: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
