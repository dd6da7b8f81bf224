import type { PublicKeyInput } from './public-key';
import type { SigningKeyRecord } from './institution.events';

/** Domain commands: plain data, already authenticated and authorised. */
export interface RegisterInstitution {
  type: 'RegisterInstitution';
  institutionId: string;
  name: string;
  legalName: string;
  countryCode: string;
  region?: string;
  homepage: string;
  did: string;
}

export interface NewSigningKey extends PublicKeyInput {
  keyId?: string;
  custody?: SigningKeyRecord['custody'];
  validFrom?: string;
  validUntil?: string;
}

export interface AddSigningKey {
  type: 'AddSigningKey';
  key: NewSigningKey;
}

export interface RotateSigningKey {
  type: 'RotateSigningKey';
  previousKeyId: string;
  /** The successor starts now; a rotation never opens a gap nor backdates the new key. */
  newKey: Omit<NewSigningKey, 'validFrom'>;
  reason?: string;
}

export interface SuspendInstitution {
  type: 'SuspendInstitution';
  reason: string;
}

export interface ReinstateInstitution {
  type: 'ReinstateInstitution';
}

export interface RemoveInstitution {
  type: 'RemoveInstitution';
  reason: string;
}

export type InstitutionCommand =
  | RegisterInstitution
  | AddSigningKey
  | RotateSigningKey
  | SuspendInstitution
  | ReinstateInstitution
  | RemoveInstitution;
