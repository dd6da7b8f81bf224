import 'reflect-metadata';
import { ConfigValidationError, loadConfig } from '@alliance/nest-kit';
import { runSigner, SignerConfig } from '@alliance/signer';

// An institution's own signer: outbound only, keys in its HSM (or an encrypted file), one log of what it signed.
runSigner(loadConfig('signer', SignerConfig)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(e instanceof ConfigValidationError ? 2 : 1);
});
