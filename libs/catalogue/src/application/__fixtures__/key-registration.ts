import { type Ed25519KeyPair, generateEd25519KeyPair, signKeyPossession } from '@alliance/credentials';
import { AddSigningKeyCommand, AddSigningKeyHandler } from '../commands/add-signing-key';
import { IssueKeyChallengeCommand, IssueKeyChallengeHandler } from '../commands/issue-key-challenge';
import type { CatalogueHarness } from './catalogue-harness';

export const ownAdminMeta = (h: CatalogueHarness, institution: string) =>
  h.meta({ role: 'institution-admin', institution, subject: `admin@${institution}` });

/**
 * Registers a key through the handlers as the institution's own admin does: a challenge for `keyId`,
 * signed with the new key, then the key with that proof (a rotation when `replacesKeyId` is given).
 */
export async function registerKey(
  h: CatalogueHarness,
  institutionId: string,
  options: { keyId?: string; keyPair?: Ed25519KeyPair; custody?: 'issuance-service' | 'institution'; replacesKeyId?: string } = {},
): Promise<{ keyId: string; keyPair: Ed25519KeyPair }> {
  const keyPair = options.keyPair ?? generateEd25519KeyPair();
  const meta = ownAdminMeta(h, institutionId);
  const keyId = options.keyId ?? `key-${((await h.aggregates.institution.state(institutionId))?.keys.length ?? 0) + 1}`;
  const { challenge } = await new IssueKeyChallengeHandler(h.aggregates).execute(
    IssueKeyChallengeCommand.create({ institutionId, keyId, ...meta }),
  );
  const registered = await new AddSigningKeyHandler(h.aggregates, h.didCheck).execute(
    AddSigningKeyCommand.create({
      institutionId,
      publicKeyMultibase: keyPair.publicKeyMultibase,
      proofOfPossession: signKeyPossession(challenge, keyPair.secretKey),
      ...(options.custody ? { custody: options.custody } : {}),
      ...(options.replacesKeyId ? { replacesKeyId: options.replacesKeyId } : {}),
      ...meta,
    }),
  );
  return { keyId: registered, keyPair };
}
