import {
  contractHandler,
  createContractRegistry,
  credentialIssuedV1,
  credentialReinstatedV1,
  credentialRevokedV1,
  credentialSuspendedV1,
  institutionKeyAddedV1,
  institutionKeyRotatedV1,
  institutionRegisteredV1,
  institutionReinstatedV1,
  institutionRemovedV1,
  institutionSuspendedV1,
  on,
  type SigningKeyV1,
} from '@alliance/contracts';
import type { ReadModelOrm } from '@alliance/event-sourcing';
import { type IntegrationMessage, type MessageHandler, MikroOrmInbox } from '@alliance/messaging';
import type { EntityManager } from '@mikro-orm/sql';
import type { RegisteredInstitution, RegisteredKey } from '../../domain/registry/registered-institution';
import { registryUpdates } from '../../domain/registry/registry-updates';
import { CredentialNoteRows } from '../registry/credential-notes-rows';
import { OrmRegistry } from '../registry/orm-registry';

export const VERIFICATION = 'verification';
export const VERIFICATION_SOURCES = ['catalogue', 'issuance'];
export const VERIFICATION_INBOX = new MikroOrmInbox(VERIFICATION);

const keyOf = (k: SigningKeyV1): RegisteredKey => ({
  keyId: k.keyId,
  verificationMethodId: k.verificationMethodId,
  publicKeyMultibase: k.publicKeyMultibase,
  validFrom: k.validFrom,
  ...(k.validUntil ? { validUntil: k.validUntil } : {}),
});

// A key fact overtaking the registration (it cannot on one partition, but a replay from a dead letter can) waits in a shell.
const shell = (institutionId: string): RegisteredInstitution => ({ institutionId, name: '', countryCode: '', did: '', statusHistory: [], keys: [] });

/**
 * Builds verification's registry from the catalogue's institution events, and its notes on platform-issued
 * credentials from issuance's, each applied once through the inbox in one transaction with the read model.
 */
export function verificationMessageHandler(orm: ReadModelOrm): MessageHandler {
  const once = <T>(m: IntegrationMessage<T>, apply: (em: EntityManager, p: T) => Promise<void>) =>
    VERIFICATION_INBOX.handle(orm.em.fork() as unknown as EntityManager, m, (tx) => apply(tx, m.payload)).then(() => undefined);
  const member = (em: EntityManager, id: string, change: (r: RegisteredInstitution) => RegisteredInstitution) => OrmRegistry.update(em, id, (r) => change(r ?? shell(id)));
  const note = async (em: EntityManager, credentialId: string, lifecycle: string, changes: { hash?: string; reason?: string | null }) => {
    const current = await em.findOne(CredentialNoteRows, { credentialId });
    await em.upsert(CredentialNoteRows, { credentialId, hash: changes.hash ?? current?.hash ?? null, lifecycle, reason: changes.reason === undefined ? (current?.reason ?? null) : changes.reason, updatedAt: new Date().toISOString() });
  };

  return contractHandler(createContractRegistry(), [
    on(institutionRegisteredV1, (m) =>
      once(m, (em, p) =>
        OrmRegistry.update(em, p.institutionId, (r) =>
          registryUpdates.registered(r, { institutionId: p.institutionId, name: p.name, legalName: p.legalName, countryCode: p.countryCode, ...(p.region ? { region: p.region } : {}), homepage: p.homepage, did: p.did, registeredAt: p.registeredAt }),
        ),
      ),
    ),
    on(institutionKeyAddedV1, (m) => once(m, (em, p) => member(em, p.institutionId, (r) => registryUpdates.keyAdded(r, keyOf(p.key))))),
    on(institutionKeyRotatedV1, (m) => once(m, (em, p) => member(em, p.institutionId, (r) => registryUpdates.keyAdded(registryUpdates.keyClosed(r, p.previousKeyId, p.previousValidUntil), keyOf(p.newKey))))),
    on(institutionSuspendedV1, (m) => once(m, (em, p) => member(em, p.institutionId, (r) => registryUpdates.standing(r, 'suspended', p.suspendedAt, p.reason)))),
    on(institutionReinstatedV1, (m) => once(m, (em, p) => member(em, p.institutionId, (r) => registryUpdates.standing(r, 'active', p.reinstatedAt)))),
    on(institutionRemovedV1, (m) => once(m, (em, p) => member(em, p.institutionId, (r) => registryUpdates.standing(r, 'removed', p.removedAt, p.reason)))),
    on(credentialIssuedV1, (m) => once(m, (em, p) => note(em, p.credentialId, 'issued', { hash: p.hash, reason: null }))),
    on(credentialSuspendedV1, (m) => once(m, (em, p) => note(em, p.credentialId, 'suspended', { reason: p.reason }))),
    on(credentialReinstatedV1, (m) => once(m, (em, p) => note(em, p.credentialId, 'issued', { reason: null }))),
    on(credentialRevokedV1, (m) => once(m, (em, p) => note(em, p.credentialId, 'revoked', { reason: p.reason }))),
  ]);
}
