import {
  type CredentialIssuedV1,
  type CredentialReinstatedV1,
  type CredentialRevokedV1,
  type CredentialSpecPublishedV1,
  type CredentialSpecRetiredV1,
  type CredentialSuspendedV1,
} from '@alliance/contracts';
import type { EntityManager } from '@mikro-orm/sql';
import { HeldCredentialRows, KNOWLEDGE_VERSION, SpecVersionRows } from './knowledge-rows';

const Specs = SpecVersionRows.entity(KNOWLEDGE_VERSION);
const Held = HeldCredentialRows.entity(KNOWLEDGE_VERSION);
const specRowId = (specId: string, version: number) => `${specId}@${version}`;

/**
 * Applies catalogue and issuance facts to the knowledge tables. Every update is idempotent and tolerates
 * replays: a retired version stays retired, a revoked credential stays revoked.
 */
export const knowledgeUpdates = {
  async specPublished(em: EntityManager, p: CredentialSpecPublishedV1): Promise<void> {
    const existing = await em.findOne(Specs, { id: specRowId(p.credentialSpecId, p.version) });
    const newer = await em.count(Specs, { credentialSpecId: p.credentialSpecId, version: { $gt: p.version } });
    const status = existing?.status === 'retired' ? 'retired' : newer > 0 ? 'superseded' : 'published';
    await em.upsert(Specs, {
      id: specRowId(p.credentialSpecId, p.version),
      credentialSpecId: p.credentialSpecId,
      version: p.version,
      title: p.title,
      status,
      awardingInstitutionIds: p.awardingBodies.map((b) => b.institutionId),
      prerequisites: p.prerequisites ?? null,
      publishedAt: p.publishedAt,
    });
    // A newer version takes over new enrolments; older ones keep their learners (who may transfer).
    await em.nativeUpdate(
      Specs,
      { credentialSpecId: p.credentialSpecId, version: { $lt: p.version }, status: 'published' },
      { status: 'superseded' },
    );
  },

  async specRetired(em: EntityManager, p: CredentialSpecRetiredV1): Promise<void> {
    await em.nativeUpdate(Specs, { id: specRowId(p.credentialSpecId, p.version) }, { status: 'retired' });
  },

  async credentialIssued(em: EntityManager, p: CredentialIssuedV1): Promise<void> {
    const existing = await em.findOne(Held, { credentialId: p.credentialId });
    if (existing) return;
    await em.insert(Held, {
      credentialId: p.credentialId,
      learnerId: p.learnerId,
      credentialSpecId: p.credentialSpecId,
      status: 'issued',
      issuedAt: p.issuedAt,
    });
  },

  async credentialStatus(
    em: EntityManager,
    p: CredentialRevokedV1 | CredentialSuspendedV1 | CredentialReinstatedV1,
    status: 'revoked' | 'suspended' | 'issued',
  ): Promise<void> {
    // Revocation is final: a late suspension or reinstatement never brings a revoked credential back.
    await em.nativeUpdate(Held, { credentialId: p.credentialId, status: { $ne: 'revoked' } }, { status });
  },
};
