import type { KeyObject } from 'node:crypto';

/** Where the platform keeps the private keys it signs with for institutions (the sealed key vault). */
export interface KeyCustody {
  generate(institutionId: string): Promise<{ keyRef: string; publicKeyMultibase: string }>;
  privateKey(institutionId: string, keyRef: string): Promise<KeyObject | undefined>;
}
