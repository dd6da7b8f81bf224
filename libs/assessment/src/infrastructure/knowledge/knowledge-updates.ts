import {
  type CredentialSpecPublishedV1,
  type InstitutionRegisteredV1,
  type LearnerCompletedV1,
  type LearnerEnrolledV1,
  type LearnerTransferredV1,
  type LearnerWithdrawnV1,
  membershipFactApplies,
} from '@alliance/contracts';
import { insertIgnore } from '@alliance/event-sourcing';
import type { EntityManager } from '@mikro-orm/sql';
import type { GradingScheme } from '../../domain/knowledge';
import type { MemberStatus } from '../../domain/member-standing';
import { EnrolmentRows, KNOWLEDGE_VERSION, MemberStandingRows, SpecVersionRows } from './knowledge-rows';

const Specs = SpecVersionRows.entity(KNOWLEDGE_VERSION);
const Enrolments = EnrolmentRows.entity(KNOWLEDGE_VERSION);
const Members = MemberStandingRows.entity(KNOWLEDGE_VERSION);

/** Applies catalogue (definitions, membership) and enrolment facts to the knowledge tables; each update is idempotent. */
export const knowledgeUpdates = {
  async specPublished(em: EntityManager, p: CredentialSpecPublishedV1): Promise<void> {
    await em.upsert(Specs, {
      id: `${p.credentialSpecId}@${p.version}`,
      credentialSpecId: p.credentialSpecId,
      version: p.version,
      components: p.components.map((c) => ({ code: c.code, title: c.title, institutionId: c.institutionId })),
      gradingScheme: (p.gradingScheme ? JSON.parse(JSON.stringify(p.gradingScheme)) : null) as GradingScheme | null,
    });
  },

  async learnerEnrolled(em: EntityManager, p: LearnerEnrolledV1): Promise<void> {
    await insertIgnore(em, Enrolments, 'enrolmentId', {
      enrolmentId: p.enrolmentId,
      learnerId: p.learnerId,
      credentialSpecId: p.credentialSpecId,
      specVersion: p.specVersion,
      status: 'active',
      enrolledAt: p.enrolledAt,
    });
  },

  async learnerWithdrawn(em: EntityManager, p: LearnerWithdrawnV1): Promise<void> {
    await em.nativeUpdate(Enrolments, { enrolmentId: p.enrolmentId }, { status: 'withdrawn' });
  },

  async learnerCompleted(em: EntityManager, p: LearnerCompletedV1): Promise<void> {
    await em.nativeUpdate(Enrolments, { enrolmentId: p.enrolmentId, status: 'active' }, { status: 'completed' });
  },

  async learnerTransferred(em: EntityManager, p: LearnerTransferredV1): Promise<void> {
    await em.nativeUpdate(
      Enrolments,
      { enrolmentId: p.enrolmentId },
      { credentialSpecId: p.to.credentialSpecId, specVersion: p.to.specVersion },
    );
  },

  /** A member registered before onboarding existed carries no status: it was active from the start. */
  async institutionRegistered(em: EntityManager, p: InstitutionRegisteredV1): Promise<void> {
    if (await em.findOne(Members, { institutionId: p.institutionId })) return;
    await em.insert(Members, { institutionId: p.institutionId, status: p.status ?? 'active', since: p.registeredAt });
  },

  /** Applied only when at least as recent as what is known; removal is final. */
  async memberStatus(em: EntityManager, institutionId: string, status: MemberStatus, since: string): Promise<void> {
    const known = await em.findOne(Members, { institutionId });
    if (!membershipFactApplies(known, since)) return;
    if (known) await em.nativeUpdate(Members, { institutionId }, { status, since });
    else await em.insert(Members, { institutionId, status, since });
  },
};
