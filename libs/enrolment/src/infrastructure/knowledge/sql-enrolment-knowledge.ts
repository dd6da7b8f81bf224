import { forkEntityManager, type ReadModelOrm } from '@alliance/event-sourcing';
import { EnrolmentKnowledge } from '../../application/ports/enrolment-knowledge.port';
import type { HeldCredential } from '../../domain/learner/learner.commands';
import type { MemberStanding } from '../../domain/member-standing';
import type { PublishedSpecVersion } from '../../domain/published-spec';
import { HeldCredentialRows, KNOWLEDGE_VERSION, MemberStandings, SpecVersionRows } from './knowledge-rows';
import { referencedSpecIds } from './prerequisite-references';

const Specs = SpecVersionRows.entity(KNOWLEDGE_VERSION);
const Held = HeldCredentialRows.entity(KNOWLEDGE_VERSION);

type SpecRow = {
  credentialSpecId: string;
  version: number;
  title: string;
  status: string;
  awardingInstitutionIds: string[];
  prerequisites: string | null;
};

export class SqlEnrolmentKnowledge extends EnrolmentKnowledge {
  constructor(private readonly orm: ReadModelOrm) {
    super();
  }

  async specVersion(credentialSpecId: string, version?: number): Promise<PublishedSpecVersion | undefined> {
    const em = forkEntityManager(this.orm);
    const rows = (await em.find(Specs, { credentialSpecId }, { orderBy: { version: 'desc' } })) as SpecRow[];
    // Without a version: the current published one, else the latest (so the refusal can say it is retired).
    const row = version !== undefined ? rows.find((r) => r.version === version) : (rows.find((r) => r.status === 'published') ?? rows[0]);
    if (!row) return undefined;
    const known = (
      await em
        .getConnection()
        .execute<{ id: string }[]>(`select distinct credential_spec_id as id from ${SpecVersionRows.table(KNOWLEDGE_VERSION)}`)
    ).map((r) => r.id);
    return {
      credentialSpecId: row.credentialSpecId,
      version: row.version,
      title: row.title,
      status: row.status as PublishedSpecVersion['status'],
      awardingInstitutionIds: row.awardingInstitutionIds,
      requiredCredentialSpecIds: referencedSpecIds(row.prerequisites, known, row.credentialSpecId),
    };
  }

  async heldCredentials(learnerId: string): Promise<HeldCredential[]> {
    const em = forkEntityManager(this.orm);
    const rows = await em.find(Held, { learnerId, status: 'issued' }, { orderBy: { issuedAt: 'asc' } });
    return rows.map((r) => ({ credentialSpecId: r.credentialSpecId, credentialId: r.credentialId }));
  }

  async memberStanding(institutionId: string): Promise<MemberStanding> {
    return MemberStandings.standing(forkEntityManager(this.orm), institutionId);
  }
}
