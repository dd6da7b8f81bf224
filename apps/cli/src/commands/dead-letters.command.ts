import { Command } from 'commander';
import {
  type DeadLetterAccess,
  type DeadLetterQueue,
  formatDeadLetters,
  listDeadLetters,
  openDeadLetterAccess,
  replayDeadLetter,
  summarise,
} from '@alliance/messaging';
import { loadConfig, ServiceConfig } from '@alliance/nest-kit';
import { embeddedDeadLetterFile, kafkaBusSettings } from '@alliance/service-runtime';

export interface DeadLettersCommandOptions {
  /** Opens the bus whose dead letters are handled; by default the one the environment names. */
  open?: () => Promise<DeadLetterAccess>;
  /** Defaults to stdout. */
  write?: (text: string) => void;
}

/**
 * `dead-letters list|replay` on the bus the environment names: Kafka's dead-letter topics (BUS=kafka), or
 * the embedded platform's journal under DATA_DIR, whose replay requests the running platform carries out.
 */
export function deadLettersCommand(options: DeadLettersCommandOptions = {}): Command {
  const open = options.open ?? openConfiguredBus;
  const write = options.write ?? ((text: string) => void process.stdout.write(`${text}\n`));
  const withAccess = async (fn: (queue: DeadLetterQueue) => Promise<void>) => {
    const access = await open();
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

function openConfiguredBus(): Promise<DeadLetterAccess> {
  const config = loadConfig('cli', ServiceConfig);
  return openDeadLetterAccess(
    config.BUS === 'kafka'
      ? kafkaBusSettings('alliance-cli', config)
      : { kind: 'in-process', deadLetterFile: embeddedDeadLetterFile(config) },
  );
}
