import { Command, Option } from 'commander';
import { loadConfig, mintToken, ROLES, ServiceConfig } from '@alliance/nest-kit';

/** `token mint`: a development bearer token signed with the local key of the configuration (AUTH_JWT_SECRET). */
export function tokenCommand(): Command {
  const token = new Command('token').description('development bearer tokens');
  token
    .command('mint')
    .description('mint a JWT for a role (uses AUTH_JWT_SECRET, AUTH_ISSUER, AUTH_AUDIENCE from the environment)')
    .addOption(new Option('--role <role>', 'role claim').choices([...ROLES]).makeOptionMandatory())
    .option('--sub <subject>', 'subject claim', 'dev-user')
    .option('--institution <id>', 'institution claim')
    .option('--ttl <seconds>', 'lifetime in seconds', '3600')
    .action(async (opts: { role: (typeof ROLES)[number]; sub: string; institution?: string; ttl: string }) => {
      const config = loadConfig('cli', ServiceConfig);
      const jwt = await mintToken({ subject: opts.sub, role: opts.role, institution: opts.institution }, config, Number(opts.ttl));
      process.stdout.write(jwt + '\n');
    });
  return token;
}
