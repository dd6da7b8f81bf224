import type { SigningPolicy } from '../credential/credential.events';

export type SignerCommand =
  | { type: 'SetSigningPolicy'; institutionId: string; policy: SigningPolicy }
  | { type: 'RecordGeneratedKey'; institutionId: string; keyRef: string; publicKeyMultibase: string };
