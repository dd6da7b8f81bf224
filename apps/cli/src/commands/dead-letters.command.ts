import { Command } from 'commander';
import { deadLetterCommands, openDeadLetterAccess } from '@alliance/messaging';
import { embeddedDeadLetterFile, kafkaBusSettings, loadConfig, ServiceConfig } from '@alliance/nest-kit';

/**
 * `dead-letters list|replay` on the bus the environment names: Kafka's dead-letter topics (BUS=kafka), or
 * the embedded platform's journal under DATA_DIR, whose replay requests the running platform carries out.
 */
export function deadLettersCommand(): Command {
  return deadLetterCommands({
    open: () => {
      const config = loadConfig('cli', ServiceConfig);
      return openDeadLetterAccess(
        config.BUS === 'kafka' ? kafkaBusSettings('alliance-cli', config) : { kind: 'in-process', deadLetterFile: embeddedDeadLetterFile(config) },
      );
    },
  });
}
