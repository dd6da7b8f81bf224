import { forkEntityManager, type ReadModelOrm } from '@alliance/event-sourcing';
import type { EntityManager } from '@mikro-orm/sql';
import { AssessmentKnowledge, specKey } from '../../application/ports/assessment-knowledge.port';
import type { EnrolmentView, GradingScheme, SpecView } from '../../domain/knowledge';
import type { MemberStanding } from '../../domain/member-standing';
import { EnrolmentRows, KNOWLEDGE_VERSION, MemberStandings, SpecVersionRows } from './knowledge-rows';

const Specs = SpecVersionRows.entity(KNOWLEDGE_VERSION);
const Enrolments = EnrolmentRows.entity(KNOWLEDGE_VERSION);
/** Ids per `in (...)` query: a 10,000-row upload is read in a few round trips, not one per row. */
const CHUNK = 1000;

export class SqlAssessmentKnowledge extends AssessmentKnowledge {
  constructor(private readonly orm: ReadModelOrm) {
    super();
  }

  async enrolments(enrolmentIds: string[]): Promise<Map<string, EnrolmentView>> {
    const out = new Map<string, EnrolmentView>();
    const em = this.em();
    for (let i = 0; i < enrolmentIds.length; i += CHUNK) {
      const rows = await em.find(Enrolments, { enrolmentId: { $in: enrolmentIds.slice(i, i + CHUNK) } });
      for (const r of rows) {
        out.set(r.enrolmentId, {
          enrolmentId: r.enrolmentId,
          learnerId: r.learnerId,
          credentialSpecId: r.credentialSpecId,
          specVersion: r.specVersion,
          status: r.status as EnrolmentView['status'],
        });
      }
    }
    return out;
  }

  async specs(keys: { credentialSpecId: string; version: number }[]): Promise<Map<string, SpecView>> {
    const ids = [...new Set(keys.map((k) => specKey(k.credentialSpecId, k.version)))];
    const out = new Map<string, SpecView>();
    if (ids.length === 0) return out;
    const rows = await this.em().find(Specs, { id: { $in: ids } });
    for (const r of rows) {
      out.set(r.id, {
        credentialSpecId: r.credentialSpecId,
        version: r.version,
        components: r.components,
        ...(r.gradingScheme ? { gradingScheme: r.gradingScheme as GradingScheme } : {}),
      });
    }
    return out;
  }

  async memberStanding(institutionId: string): Promise<MemberStanding> {
    return MemberStandings.standing(this.em(), institutionId);
  }

  private em(): EntityManager {
    return forkEntityManager(this.orm);
  }
}
