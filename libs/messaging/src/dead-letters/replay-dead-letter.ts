import type { DeadLetter, DeadLetterQueue } from './dead-letter';

/**
 * Sends a dead letter back to its consumer group only, after the cause was fixed. The consumer's inbox makes
 * a replay of something it meanwhile applied harmless.
 */
export async function replayDeadLetter(queue: DeadLetterQueue, id: string): Promise<DeadLetter> {
  const letter = await queue.replay(id);
  return letter;
}
