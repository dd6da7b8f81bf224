import { join } from 'node:path';
import { readOrCreateSecretFile } from '@alliance/event-sourcing';
import { decodeSecretKeyMultibase, keyPairFromSeed } from '@alliance/credentials';
import type { CatalogueConfig } from '../../catalogue.config';

/** The alliance's signing key for the trust list: its seed and its public half. */
export interface AllianceKey {
  seed: Uint8Array;
  publicKeyMultibase: string;
  /** True when no key was configured and a development key under DATA_DIR is used. */
  generated: boolean;
  /** Where the development key is kept, when generated. */
  file?: string;
}

/**
 * The key from CATALOGUE_TRUST_LIST_KEY (a 32-byte seed in hex, or a `z…` Multikey secret). Without it a
 * development key is generated once under DATA_DIR/catalogue and reused: it lets a developer's platform
 * publish a verifiable list, and protects nothing against someone who can read DATA_DIR.
 */
export function loadAllianceKey(config: CatalogueConfig): AllianceKey {
  if (config.CATALOGUE_TRUST_LIST_KEY)
    return { ...fromText(config.CATALOGUE_TRUST_LIST_KEY, 'CATALOGUE_TRUST_LIST_KEY'), generated: false };
  const file = join(config.DATA_DIR, 'catalogue', 'development-trust-list-key.hex');
  return { ...fromText(readOrCreateSecretFile(file), file), generated: true, file };
}

function fromText(text: string, source: string): { seed: Uint8Array; publicKeyMultibase: string } {
  let seed: Uint8Array;
  try {
    seed = /^[0-9a-fA-F]{64}$/.test(text) ? Uint8Array.from(Buffer.from(text, 'hex')) : decodeSecretKeyMultibase(text);
  } catch (e) {
    throw new Error(`${source} is not an Ed25519 private key: ${(e as Error).message}`);
  }
  if (seed.length !== 32) throw new Error(`${source} is not an Ed25519 private key: expected 32 bytes, got ${seed.length}`);
  return { seed, publicKeyMultibase: keyPairFromSeed(seed).publicKeyMultibase };
}
