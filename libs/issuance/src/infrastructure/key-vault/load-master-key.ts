import { join } from 'node:path';
import { readOrCreateSecretFile } from '@alliance/event-sourcing';
import type { IssuanceConfig } from '../../issuance.config';
import { MasterKey } from './master-key';

/**
 * The master key from ISSUANCE_MASTER_KEY. Outside the embedded mode it is required. On the embedded
 * defaults (a developer's machine) one is generated once under DATA_DIR so `npm start` works out of the box;
 * that protects nothing against someone who can read DATA_DIR, which is why production must configure it.
 */
export function loadMasterKey(config: IssuanceConfig): { key: MasterKey; generated: boolean } {
  if (config.ISSUANCE_MASTER_KEY) return { key: MasterKey.fromConfig(config.ISSUANCE_MASTER_KEY), generated: false };
  if (config.EVENT_STORE !== 'embedded') {
    throw new Error('ISSUANCE_MASTER_KEY is required outside the embedded mode: set it to 32 random bytes (64 hex characters)');
  }
  const file = join(config.DATA_DIR, 'issuance', 'development-master-key.hex');
  return { key: MasterKey.fromConfig(readOrCreateSecretFile(file)), generated: true };
}
