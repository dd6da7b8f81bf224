import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { seedDemo } from '@alliance/catalogue';
import { loadConfig, mintToken, ServiceConfig } from '@alliance/nest-kit';

/**
 * `seed-demo`: registers the ECIU members and a joint micro-credential co-awarded by three of them on a
 * running catalogue, over its HTTP API, with tokens minted from the local key (AUTH_JWT_SECRET).
 */
export function seedDemoCommand(): Command {
  return new Command('seed-demo')
    .description(
      'seed a running catalogue with ECIU members and a joint micro-credential (approved by its three awarding bodies and published)',
    )
    .option('--catalogue-url <url>', 'base URL of the catalogue service', process.env.CATALOGUE_URL ?? 'http://127.0.0.1:3001')
    .option(
      '--keys-file <path>',
      'also generate an Ed25519 key per member, register its public half, and write the private halves to this file (mode 0600)',
    )
    .option('--no-publish', 'stop once the definition is proposed, leaving approvals to the institution-admins')
    .option('--quiet', 'print only the JSON summary')
    .action(async (opts: { catalogueUrl: string; keysFile?: string; publish: boolean; quiet?: boolean }) => {
      const config = loadConfig('cli', ServiceConfig);
      const allianceAdminToken = await mintToken({ subject: 'demo-alliance-admin', role: 'alliance-admin' }, config);
      const result = await seedDemo({
        baseUrl: opts.catalogueUrl,
        allianceAdminToken,
        institutionAdminToken: (institution) =>
          mintToken({ subject: `demo-admin@${institution}`, role: 'institution-admin', institution }, config),
        generateKeys: opts.keysFile !== undefined,
        publish: opts.publish,
        log: opts.quiet ? undefined : (message) => process.stderr.write(`${message}\n`),
      });
      if (opts.keysFile) {
        writeFileSync(opts.keysFile, JSON.stringify(result.privateKeys, null, 2) + '\n', { mode: 0o600 });
      }
      const { privateKeys, ...summary } = result;
      process.stdout.write(JSON.stringify({ ...summary, privateKeysWritten: opts.keysFile ? privateKeys.length : 0 }, null, 2) + '\n');
    });
}
