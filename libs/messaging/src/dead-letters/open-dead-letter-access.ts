import type { IntegrationBusSettings } from '../create-integration-bus';
import { openDeadLetterJournal } from '../in-process/in-process-dead-letters';
import { createKafkaBus } from '../kafka/kafka-bus';
import type { DeadLetterQueue } from './dead-letter';

/** The dead letters of one bus for an operator process, and a way to let go of that bus. */
export interface DeadLetterAccess {
  deadLetters: DeadLetterQueue;
  close(): Promise<void>;
}

/**
 * The dead letters of the bus the settings describe, for an operator process: Kafka's dead-letter topics,
 * or the embedded platform's journal file (which must be configured: memory-only dead letters are not reachable).
 */
export async function openDeadLetterAccess(settings: IntegrationBusSettings): Promise<DeadLetterAccess> {
  if (settings.kind === 'kafka') {
    const { kind: _kind, ...options } = settings;
    const bus = createKafkaBus(options);
    return { deadLetters: bus.deadLetters, close: () => bus.close() };
  }
  if (!settings.deadLetterFile)
    throw new Error('the in-process bus keeps dead letters in memory only: configure deadLetterFile to reach them');
  const journal = openDeadLetterJournal(settings.deadLetterFile);
  return { deadLetters: journal, close: async () => journal.close() };
}
