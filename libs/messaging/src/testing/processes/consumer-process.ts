import { Pool } from 'pg';
import { KafkaBus } from '../../kafka/kafka-bus';
import { progressHandler } from '../progress-read-model';
import { announceReady, readChildConfig } from './process-config';

/** One member of a consumer group in a process of its own, so a test can kill it with SIGKILL mid-stream. */
async function main(): Promise<void> {
  const config = readChildConfig();
  const pool = new Pool({ connectionString: config.databaseUrl, max: 4 });
  const bus = new KafkaBus({
    brokers: config.brokers,
    clientId: 'consumer-process',
    topicPrefix: config.topicPrefix,
    partitions: config.partitions,
    logLevel: 'nothing',
    sessionTimeoutMs: 10_000,
  });
  await bus.subscribe({ group: config.group!, sources: [config.source], handler: progressHandler(pool, config.group!) });
  announceReady();
}

void main().catch((error) => {
  process.stderr.write(`consumer process failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
