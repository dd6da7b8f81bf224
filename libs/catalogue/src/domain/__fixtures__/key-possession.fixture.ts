import { type Ed25519KeyPair, generateEd25519KeyPair, type KeyPossessionProof, signKeyPossession } from '@alliance/credentials';
import type { CommandContext } from '@alliance/event-sourcing';
import { randomBytes } from 'node:crypto';
import type { InstitutionCommand } from '../institution/institution.commands';
import type { KeyChallengeIssued } from '../institution/institution.events';
import type { InstitutionState } from '../institution/institution.state';
import { challengeOf, KEY_CHALLENGE_TTL_MS } from '../institution/key-challenges';

export const freshNonce = (): string => randomBytes(32).toString('base64url');

/** The context of an institution-admin of `institutionId`: the only actor that may touch its keys. */
export const ownAdmin = (institutionId: string) => ({
  actor: { subject: `admin@${institutionId}`, role: 'institution-admin', institution: institutionId },
  correlationId: 'corr-own-admin',
});

/** A challenge as the decider issues it at `issuedAt`, for specs that state their history as given events. */
export function challengeIssued(institutionId: string, keyId: string, issuedAt: Date, nonce = freshNonce()): KeyChallengeIssued {
  const expiresAt = new Date(issuedAt.getTime() + KEY_CHALLENGE_TTL_MS).toISOString();
  return { type: 'KeyChallengeIssued', data: { institutionId, keyId, nonce, expiresAt, issuedAt: issuedAt.toISOString() } };
}

/** The key's signature over that challenge. */
export function proofFor(issued: KeyChallengeIssued, keyPair: Ed25519KeyPair): KeyPossessionProof {
  return signKeyPossession(challengeOf(issued.data.institutionId, issued.data), keyPair.secretKey);
}

type Handle = (command: InstitutionCommand, context: CommandContext) => Promise<{ state: InstitutionState }>;

/**
 * Registers a key through a command handler as the institution's own admin does: a challenge for `keyId`,
 * signed with the new key, then the key with that proof (a rotation of `replaces` when given).
 */
export async function addKeyWithProof(
  handle: Handle,
  institutionId: string,
  options: { keyId: string; keyPair?: Ed25519KeyPair; custody?: 'issuance-service' | 'institution'; replaces?: string },
): Promise<Ed25519KeyPair> {
  const keyPair = options.keyPair ?? generateEd25519KeyPair();
  const nonce = freshNonce();
  const context = ownAdmin(institutionId);
  const { state } = await handle({ type: 'IssueKeyChallenge', institutionId, keyId: options.keyId, nonce }, context);
  const issued = state!.challenges.find((c) => c.nonce === nonce)!;
  const proofOfPossession = signKeyPossession(challengeOf(institutionId, issued), keyPair.secretKey);
  const key = { publicKeyMultibase: keyPair.publicKeyMultibase, ...(options.custody ? { custody: options.custody } : {}) };
  await handle(
    options.replaces
      ? { type: 'RotateSigningKey', institutionId, previousKeyId: options.replaces, newKey: key, proofOfPossession }
      : { type: 'AddSigningKey', institutionId, key, proofOfPossession },
    context,
  );
  return keyPair;
}
