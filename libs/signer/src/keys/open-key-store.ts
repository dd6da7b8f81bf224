import { FileKeyStore, type FileKeyStoreConfig } from './file-key-store';
import { KeyStoreError } from './key-store-error';
import { Pkcs11KeyStore, type Pkcs11KeyStoreConfig } from './pkcs11-key-store';
import type { SigningKeyStore } from './signing-key-store';

export type KeyStoreConfig = Pkcs11KeyStoreConfig | FileKeyStoreConfig;

/** Opens the key store `config` describes: a PKCS#11 token, or (for development) a directory of encrypted key files. */
export async function openKeyStore(config: KeyStoreConfig): Promise<SigningKeyStore> {
  switch (config?.kind) {
    case 'pkcs11':
      return Pkcs11KeyStore.open(config);
    case 'file':
      return FileKeyStore.open(config);
    default:
      throw new KeyStoreError(
        'INVALID_CONFIG',
        `unknown key store kind ${JSON.stringify((config as { kind?: unknown } | undefined)?.kind)}: use 'pkcs11' (an HSM) or 'file' (development)`,
      );
  }
}
