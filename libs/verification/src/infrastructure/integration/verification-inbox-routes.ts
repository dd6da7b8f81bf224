import {
  contractHandler,
  createContractRegistry,
  credentialIssuedV1,
  credentialReinstatedV1,
  credentialRevokedV1,
  credentialSuspendedV1,
  institutionActivatedV1,
  institutionKeyAddedV1,
  institutionKeyRevokedV1,
  institutionKeyRotatedV1,
  institutionRegisteredV1,
  institutionReinstatedV1,
  institutionRemovedV1,
  institutionSuspendedV1,
  on,
  type SigningKeyV1,
} from '@alliance/contracts';
import { forkEntityManager, type ReadModelOrm } from '@alliance/event-sourcing';
import { type IntegrationMessage, type MessageHandler, MikroOrmInbox } from '@alliance/messaging';
import type { EntityManager } from '@mikro-orm/sql';
import { Logger, type LoggerService } from '@nestjs/common';
import type { AnnouncedKey } from '@alliance/credentials';
import type { RegisteredInstitution, RegisteredKey } from '../../domain/registry/registered-institution';
import { registryUpdates } from '../../domain/registry/registry-updates';
import { CredentialNoteRows } from '../registry/credential-notes-rows';
import { IssuedCredentialRows } from '../registry/issued-credential-rows';
import { OrmRegistry } from '../registry/orm-registry';

export const VERIFICATION = 'verification';
export const VERIFICATION_SOURCES = ['catalogue', 'issuance'];
export const VERIFICATION_INBOX = new MikroOrmInbox(VERIFICATION);

const keyOf = (k: SigningKeyV1): RegisteredKey & AnnouncedKey => ({
  keyId: k.keyId,
  verificationMethodId: k.verificationMethodId,
  publicKeyMultibase: k.publicKeyMultibase,
  validFrom: k.validFrom,
  ...(k.validUntil ? { validUntil: k.validUntil } : {}),
  custody: k.custody,
  ...(k.possession ? { possession: k.possession } : {}),
});

// A key fact overtaking the registration (it cannot on one partition, but a replay from a dead letter can) waits in a shell.
const shell = (institutionId: string): RegisteredInstitution => ({
  institutionId,
  name: '',
  countryCode: '',
  did: '',
  statusHistory: [],
  keys: [],
});

/**
 * Builds verification's registry from the catalogue's institution events, and its notes on platform-issued
 * credentials from issuance's, each applied once through the inbox in one transaction with the read model.
 */
export function verificationMessageHandler(
  orm: ReadModelOrm,
  logger: Pick<LoggerService, 'warn'> = new Logger('VerificationRegistry'),
): MessageHandler {
  const once = <T>(m: IntegrationMessage<T>, apply: (em: EntityManager, p: T) => Promise<void>) =>
    VERIFICATION_INBOX.handle(forkEntityManager(orm), m, (tx) => apply(tx, m.payload)).then(() => undefined);
  const member = (em: EntityManager, id: string, change: (r: RegisteredInstitution) => RegisteredInstitution) =>
    OrmRegistry.update(em, id, (r) => change(r ?? shell(id)));
  // A key whose proof of possession does not verify is not the member's: it never reaches the keys proofs are checked with.
  const bind = (r: RegisteredInstitution, key: SigningKeyV1): RegisteredInstitution => {
    const { record, refused } = registryUpdates.keyAnnounced(r, keyOf(key));
    if (refused)
      logger.warn(
        { institutionId: r.institutionId, keyId: key.keyId, problem: refused },
        'key not bound to the institution: its proof of possession does not hold',
      );
    return record;
  };
  const note = async (em: EntityManager, credentialId: string, lifecycle: string, changes: { hash?: string; reason?: string | null }) => {
    const current = await em.findOne(CredentialNoteRows, { credentialId });
    await em.upsert(CredentialNoteRows, {
      credentialId,
      hash: changes.hash ?? current?.hash ?? null,
      lifecycle,
      reason: changes.reason === undefined ? (current?.reason ?? null) : changes.reason,
      updatedAt: new Date().toISOString(),
    });
  };

  return contractHandler(createContractRegistry(), [
    on(institutionRegisteredV1, (m) =>
      once(m, (em, p) =>
        OrmRegistry.update(em, p.institutionId, (r) =>
          registryUpdates.registered(r, {
            institutionId: p.institutionId,
            name: p.name,
            legalName: p.legalName,
            countryCode: p.countryCode,
            ...(p.region ? { region: p.region } : {}),
            homepage: p.homepage,
            did: p.did,
            registeredAt: p.registeredAt,
            ...(p.status ? { status: p.status } : {}),
          }),
        ),
      ),
    ),
    on(institutionActivatedV1, (m) =>
      once(m, (em, p) => member(em, p.institutionId, (r) => registryUpdates.standing(r, 'active', p.activatedAt))),
    ),
    on(institutionKeyAddedV1, (m) => once(m, (em, p) => member(em, p.institutionId, (r) => bind(r, p.key)))),
    on(institutionKeyRotatedV1, (m) =>
      once(m, (em, p) =>
        member(em, p.institutionId, (r) => bind(registryUpdates.keyClosed(r, p.previousKeyId, p.previousValidUntil), p.newKey)),
      ),
    ),
    on(institutionKeyRevokedV1, (m) =>
      once(m, (em, p) =>
        member(em, p.institutionId, (r) =>
          registryUpdates.keyRevoked(r, {
            keyId: p.keyId,
            reason: p.reason,
            revokedAt: p.revokedAt,
            ...(p.compromisedSince ? { compromisedSince: p.compromisedSince } : {}),
          }),
        ),
      ),
    ),
    on(institutionSuspendedV1, (m) =>
      once(m, (em, p) => member(em, p.institutionId, (r) => registryUpdates.standing(r, 'suspended', p.suspendedAt, p.reason))),
    ),
    on(institutionReinstatedV1, (m) =>
      once(m, (em, p) => member(em, p.institutionId, (r) => registryUpdates.standing(r, 'active', p.reinstatedAt))),
    ),
    on(institutionRemovedV1, (m) =>
      once(m, (em, p) => member(em, p.institutionId, (r) => registryUpdates.standing(r, 'removed', p.removedAt, p.reason))),
    ),
    on(credentialIssuedV1, (m) =>
      once(m, async (em, p) => {
        await note(em, p.credentialId, 'issued', { hash: p.hash, reason: null });
        await em.upsert(IssuedCredentialRows, { credentialId: p.credentialId, hash: p.hash, issuedAt: p.issuedAt });
      }),
    ),
    on(credentialSuspendedV1, (m) => once(m, (em, p) => note(em, p.credentialId, 'suspended', { reason: p.reason }))),
    on(credentialReinstatedV1, (m) => once(m, (em, p) => note(em, p.credentialId, 'issued', { reason: null }))),
    on(credentialRevokedV1, (m) => once(m, (em, p) => note(em, p.credentialId, 'revoked', { reason: p.reason }))),
  ]);
}
