import { Command } from 'commander';
import { loadConfig } from '@alliance/nest-kit';
import { initSigner, runSigner, SignerConfig, signerStatus } from '@alliance/signer';

const line = (step: string, detail?: Record<string, unknown>) =>
  process.stderr.write(`${step}${detail ? ` ${JSON.stringify(detail)}` : ''}\n`);

/**
 * `signer init|start|status`: a university's own signer, configured by SIGNER_* variables (see the README's
 * section for university IT teams). `init` needs a token of the institution's own admin.
 */
export function signerCommand(): Command {
  const signer = new Command('signer').description(
    "a university's own signer: keys in its HSM (PKCS#11) or an encrypted file, outbound only",
  );
  signer
    .command('init')
    .description(
      "create the key in the key store (or reuse it), register it with proof of possession, and make this signer the institution's signing policy",
    )
    .option('--admin-token <jwt>', "a token of this institution's own admin (or ALLIANCE_ADMIN_TOKEN)")
    .action(async (opts: { adminToken?: string }) => {
      const token = opts.adminToken ?? process.env['ALLIANCE_ADMIN_TOKEN'];
      if (!token) throw new Error("signer init needs a token of the institution's own admin: --admin-token <jwt> or ALLIANCE_ADMIN_TOKEN");
      const identity = await initSigner(loadConfig('signer', SignerConfig), token, line);
      process.stdout.write(`${JSON.stringify(identity, null, 2)}\n`);
    });
  signer
    .command('start')
    .description('pull signing requests and answer them until stopped (SIGTERM/SIGINT)')
    .action(() => runSigner(loadConfig('signer', SignerConfig)));
  signer
    .command('status')
    .description('identity, key store, what the log holds, and how many requests wait on the platform')
    .action(async () => {
      process.stdout.write(`${JSON.stringify(await signerStatus(loadConfig('signer', SignerConfig)), null, 2)}\n`);
    });
  return signer;
}
