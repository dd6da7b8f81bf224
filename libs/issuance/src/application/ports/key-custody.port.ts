import type { KeyObject } from 'node:crypto';

/** Where the platform keeps the private keys it signs with for institutions (the sealed key vault). */
export abstract class KeyCustody {
  abstract generate(institutionId: string): Promise<{ keyRef: string; publicKeyMultibase: string }>;
  abstract privateKey(institutionId: string, keyRef: string): Promise<KeyObject | undefined>;
}
