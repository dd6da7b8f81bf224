import { Command } from 'commander';
import type { DeadLetterQueue } from './dead-letter';
import { formatDeadLetters, listDeadLetters, summarise } from './list-dead-letters';
import { replayDeadLetter } from './replay-dead-letter';

/** What the commands need: the dead letters of the configured bus, and a way to let go of it. */
export interface DeadLetterAccess {
  deadLetters: DeadLetterQueue;
  close(): Promise<void>;
}

export interface DeadLetterCommandOptions {
  /** Opens the bus named by the environment (the CLI decides: Kafka brokers, or the embedded journal file). */
  open: () => Promise<DeadLetterAccess>;
  /** Defaults to stdout. */
  write?: (text: string) => void;
}

/** `dead-letters list|replay`: for `apps/cli` to mount. */
export function deadLetterCommands(options: DeadLetterCommandOptions): Command {
  const write = options.write ?? ((text: string) => void process.stdout.write(`${text}\n`));
  const withAccess = async (fn: (queue: DeadLetterQueue) => Promise<void>) => {
    const access = await options.open();
    try {
      await fn(access.deadLetters);
    } finally {
      await access.close();
    }
  };

  const command = new Command('dead-letters').description('messages a consumer gave up on: list them, replay one after a fix');

  command
    .command('list')
    .description('list dead letters (not yet replayed unless --all)')
    .option('--group <group>', 'only this consumer group')
    .option('--all', 'include the ones already replayed')
    .option('--json', 'one JSON object per line, with the original headers and payload')
    .action(async (o: { group?: string; all?: boolean; json?: boolean }) =>
      withAccess(async (queue) => {
        const letters = await listDeadLetters(queue, { group: o.group, includeReplayed: o.all });
        if (o.json) for (const letter of letters) write(JSON.stringify(letter));
        else write(formatDeadLetters(letters));
      }),
    );

  command
    .command('replay')
    .description('deliver one dead letter again to its consumer group')
    .argument('<id>', 'dead letter id as listed, e.g. issuance/42')
    .action(async (id: string) =>
      withAccess(async (queue) => {
        const letter = await replayDeadLetter(queue, id);
        const s = summarise(letter);
        write(`replayed ${s.id}: ${s.type} ${s.eventId} to group ${s.group}`);
      }),
    );

  return command;
}
