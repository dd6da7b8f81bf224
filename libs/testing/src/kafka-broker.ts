import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

/** The broker that infra/kafka/kafka.sh runs for tests (`KAFKA_BROKERS`, comma-separated, to use another). */
export const KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());

const script = join(__dirname, '..', '..', '..', 'infra', 'kafka', 'kafka.sh');

function kafkaSh(command: 'start' | 'stop' | 'restart'): void {
  try {
    execFileSync('bash', [script, command], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    // The script's JSON lines name the log file to look at; without them the failure is a bare exit code.
    throw new Error(`infra/kafka/kafka.sh ${command} failed:\n${[stdout, stderr].filter(Boolean).join('\n').trim()}`);
  }
}

/** Starts the local test broker unless it already runs; resolves once it answers metadata requests. */
export const startKafkaBroker = (): void => kafkaSh('start');
/** Stops the local test broker gracefully; its data stays for the next start. */
export const stopKafkaBroker = (): void => kafkaSh('stop');
/** Stops and starts the local test broker; topics, records and committed offsets survive. */
export const restartKafkaBroker = (): void => kafkaSh('restart');

/** A topic or consumer group name no other test (or earlier run against the same broker) uses. */
export function uniqueName(prefix: string): string {
  const safe = prefix.replace(/[^a-zA-Z0-9._-]/g, '-');
  return `${safe}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** A topic name of its own for one test, so tests never see each other's records. */
export const uniqueTopic = (prefix = 'test'): string => uniqueName(prefix);

export function testKafka(clientId = 'test'): Kafka {
  return new Kafka({ clientId, brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING });
}

/** Creates `name` with `partitions` partitions (replication factor 1) and waits until every partition has a leader. */
export async function createTopic(name: string, partitions: number): Promise<void> {
  const admin = testKafka('test-admin').admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic: name, numPartitions: partitions, replicationFactor: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
