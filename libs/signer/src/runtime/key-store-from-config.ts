import { join } from 'node:path';
import type { SignerConfig } from '../config/signer-config';
import { openKeyStore } from '../keys/open-key-store';
import type { SigningKeyStore } from '../keys/signing-key-store';

/** The key store the configuration names: the HSM's token, or encrypted key files under the data folder. */
export function keyStoreFromConfig(config: SignerConfig): Promise<SigningKeyStore> {
  return config.SIGNER_KEY_STORE === 'pkcs11'
    ? openKeyStore({
        kind: 'pkcs11',
        modulePath: config.SIGNER_PKCS11_MODULE,
        tokenLabel: config.SIGNER_PKCS11_TOKEN,
        pin: config.SIGNER_PKCS11_PIN,
      })
    : openKeyStore({ kind: 'file', directory: join(config.SIGNER_DATA_DIR, 'keys'), passphrase: config.SIGNER_KEY_PASSPHRASE });
}
