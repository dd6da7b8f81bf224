import { Command } from 'commander';
import { auditCommand } from './commands/audit.command';
import { deadLettersCommand } from './commands/dead-letters.command';
import { demoCommand } from './commands/demo.command';
import { distributedCommand } from './commands/distributed.command';
import { resultsCommand } from './commands/results-upload.command';
import { seedDemoCommand } from './commands/seed-demo.command';
import { signerCommand } from './commands/signer.command';
import { tokenCommand } from './commands/token.command';

/** The operator's command line. */
export function buildProgram(): Command {
  return new Command('alliance')
    .description(
      "Operate the alliance credential platform: tokens, demo seed, the demo story, audit, dead letters, distributed mode, a university's own signer, results uploads",
    )
    .addCommand(tokenCommand())
    .addCommand(auditCommand())
    .addCommand(deadLettersCommand())
    .addCommand(seedDemoCommand())
    .addCommand(demoCommand())
    .addCommand(distributedCommand())
    .addCommand(signerCommand())
    .addCommand(resultsCommand());
}
