import type { KeyPossessionProof } from '@alliance/credentials';
import type { PublicKeyInput } from './public-key';
import type { DidDocumentConfirmation, InstitutionProfile, SigningKeyRecord } from './institution.events';

/**
 * Domain commands: plain data, already authenticated. Who may do what is decided by the decider from the
 * context's actor, so no caller (HTTP or not) reaches an institution's keys without being its own admin.
 */
export interface RegisterInstitution extends InstitutionProfile {
  type: 'RegisterInstitution';
  institutionId: string;
}

/** Asks for a challenge to sign with the key that will be registered as `keyId`. */
/** What every key command names: the institution whose keys it touches, checked against the actor first. */
interface KeyCommand {
  institutionId: string;
}

export interface IssueKeyChallenge extends KeyCommand {
  type: 'IssueKeyChallenge';
  keyId: string;
  /** Drawn by the caller (32 random bytes, base64url), so the decider stays pure. */
  nonce: string;
}

export interface NewSigningKey extends PublicKeyInput {
  /** Absent: the keyId of the challenge the proof answers. */
  keyId?: string;
  custody?: SigningKeyRecord['custody'];
  validFrom?: string;
  validUntil?: string;
}

export interface AddSigningKey extends KeyCommand {
  type: 'AddSigningKey';
  key: NewSigningKey;
  proofOfPossession: KeyPossessionProof;
  /** Set by the application once the member's own DID document was read and lists the key. */
  didDocumentChecked?: DidDocumentConfirmation;
}

export interface RotateSigningKey extends KeyCommand {
  type: 'RotateSigningKey';
  previousKeyId: string;
  /** The successor starts now; a rotation never opens a gap nor backdates the new key. */
  newKey: Omit<NewSigningKey, 'validFrom'>;
  /** Proves possession of the new key. */
  proofOfPossession: KeyPossessionProof;
  reason?: string;
  /** As for {@link AddSigningKey}. */
  didDocumentChecked?: DidDocumentConfirmation;
}

export interface RevokeSigningKey extends KeyCommand {
  type: 'RevokeSigningKey';
  keyId: string;
  reason: string;
  /** ISO instant, not in the future; absent for a routine retirement. */
  compromisedSince?: string;
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

export type InstitutionKeyCommand = IssueKeyChallenge | AddSigningKey | RotateSigningKey | RevokeSigningKey;

const KEY_COMMANDS: ReadonlySet<string> = new Set<InstitutionKeyCommand['type']>([
  'IssueKeyChallenge',
  'AddSigningKey',
  'RotateSigningKey',
  'RevokeSigningKey',
]);

export function isKeyCommand(command: InstitutionCommand): command is InstitutionKeyCommand {
  return KEY_COMMANDS.has(command.type);
}

export type InstitutionCommand =
  | RegisterInstitution
  | IssueKeyChallenge
  | AddSigningKey
  | RotateSigningKey
  | RevokeSigningKey
  | SuspendInstitution
  | ReinstateInstitution
  | RemoveInstitution;
