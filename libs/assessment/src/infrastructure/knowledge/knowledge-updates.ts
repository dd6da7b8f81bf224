import {
  type CredentialSpecPublishedV1,
  type LearnerCompletedV1,
  type LearnerEnrolledV1,
  type LearnerTransferredV1,
  type LearnerWithdrawnV1,
} from '@alliance/contracts';
import { insertIgnore } from '@alliance/event-sourcing';
import type { EntityManager } from '@mikro-orm/sql';
import type { GradingScheme } from '../../domain/knowledge';
import { EnrolmentRows, KNOWLEDGE_VERSION, SpecVersionRows } from './knowledge-rows';

const Specs = SpecVersionRows.entity(KNOWLEDGE_VERSION);
const Enrolments = EnrolmentRows.entity(KNOWLEDGE_VERSION);

/** Applies catalogue definitions and enrolment facts to the knowledge tables (membership: `MemberStandings`); each update is idempotent. */
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
};
