import { join } from 'node:path';
import { readOrCreateSecretFile } from '@alliance/event-sourcing';
import { auditKeyFromSeed } from '../domain/signed-checkpoint';
import type { AuditConfig } from '../audit.config';

/**
 * The alliance audit key: from configuration in production; on the embedded defaults a key is generated once
 * and kept beside the audit data so checkpoints stay verifiable across restarts.
 */
export function loadAuditKey(config: AuditConfig) {
  if (config.AUDIT_SIGNING_KEY) return { ...auditKeyFromSeed(config.AUDIT_SIGNING_KEY), generated: false };
  if (config.EVENT_STORE !== 'embedded') {
    throw new Error('AUDIT_SIGNING_KEY is required outside the embedded mode: set it to a 64-hex-character Ed25519 seed');
  }
  const file = join(config.DATA_DIR, 'audit', 'audit-signing-key.hex');
  return { ...auditKeyFromSeed(readOrCreateSecretFile(file)), generated: true };
}
