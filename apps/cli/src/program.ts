import { Command } from 'commander';
import { auditCommand } from './commands/audit.command';
import { distributedCommand } from './commands/distributed.command';
import { tokenCommand } from './commands/token.command';

/** The operator's command line. */
export function buildProgram(): Command {
  return new Command('alliance')
    .description('Operate the alliance credential platform: tokens, audit, dead letters, demo')
    .addCommand(tokenCommand())
    .addCommand(auditCommand())
    .addCommand(distributedCommand());
}
