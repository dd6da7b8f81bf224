import { type CheckpointStore, createEventStore, PgCheckpointStore } from '@alliance/event-sourcing';
import { KafkaBus } from '../../kafka/kafka-bus';
import { OutboxRelay } from '../../relay/outbox-relay';
import { counterMapper } from '../counter-events';
import { announceReady, readChildConfig } from './process-config';

/** A relay in a process of its own, so a test can kill it with SIGKILL mid-stream. */
async function main(): Promise<void> {
  const config = readChildConfig();
  const store = await createEventStore(config.store!);
  const bus = new KafkaBus({
    brokers: config.brokers,
    clientId: 'relay-process',
    topicPrefix: config.topicPrefix,
    partitions: config.partitions,
    logLevel: 'nothing',
  });
  const relay = new OutboxRelay({
    name: config.relayName!,
    store,
    bus,
    checkpoints: crashingAt(config.crashAtCheckpoint, new PgCheckpointStore({ url: config.databaseUrl })),
    map: counterMapper(config.source),
    batchSize: 200,
  });
  await relay.start();
  announceReady();
}

function crashingAt(save: number | undefined, store: CheckpointStore): CheckpointStore {
  if (save === undefined) return store;
  let saves = 0;
  return {
    load: (relay) => store.load(relay),
    save: async (relay, position) => {
      if (++saves === save) process.kill(process.pid, 'SIGKILL');
      await store.save(relay, position);
    },
    close: () => store.close(),
  };
}

void main().catch((error) => {
  process.stderr.write(`relay process failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
