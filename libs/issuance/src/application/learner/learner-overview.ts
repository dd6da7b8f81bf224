import { credentialHeadline, type JsonObject, plainAnnexI, type PlainAnnexElement } from '@alliance/credentials';
import { ERASED } from '@alliance/event-sourcing';
import type { AwardTrack } from '../../domain/award/award.state';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { KnowledgeReader } from '../knowledge/knowledge-reader';
import type { CredentialQueries, CredentialSummary } from '../ports/credential-queries.port';
import type { IssuanceQueries } from '../ports/issuance-queries.port';

/** One definition the learner follows: what they enrolled in, how far they are, and the credential it gave. */
export interface LearnerEnrolment {
  awardId: string;
  specId: string;
  version: number;
  title: string;
  enrolledAt?: string;
  /** `in-progress` until awarded; `awarded` while a credential stands for it; `ended` once withdrawn or closed. */
  state: 'in-progress' | 'awarded' | 'ended';
  components: {
    code: string;
    title: string;
    institution: string;
    ects: number;
    result?: { passed: boolean; grade?: string; assessedAt: string };
  }[];
  credentialId?: string;
}

/** One of the learner's credentials, in plain language. */
export interface LearnerCredential {
  credentialId: string;
  title: string;
  /** `collecting-proofs` (being signed), `issued`, `suspended` or `revoked`. */
  lifecycle: CredentialSummary['lifecycle'];
  statusReason?: string;
  awardedAt: string;
  issuedAt?: string;
  awardingBodies: string[];
  /** Replaced by a newer credential (the learner's current one is that). */
  supersededBy?: string;
  annexI: PlainAnnexElement[];
}

export interface LearnerOverviewView {
  learner: { learnerId: string; name?: string };
  enrolments: LearnerEnrolment[];
  credentials: LearnerCredential[];
}

/** At most this many credentials are shown; a learner with more is far beyond any alliance's catalogue. */
const MAX_CREDENTIALS = 200;

/**
 * What a signed-in learner sees on their page: their enrolments as issuance follows them (one award track per
 * definition) and their credentials with status and Annex I in plain words. Only the learner's own data.
 */
export class LearnerOverview {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly queries: IssuanceQueries,
    private readonly credentials: CredentialQueries,
    private readonly knowledge: KnowledgeReader,
  ) {}

  async of(learnerId: string): Promise<LearnerOverviewView> {
    const tracks: AwardTrack[] = [];
    for (const awardId of await this.queries.tracksOfLearner(learnerId)) {
      const track = (await this.aggregates.award.load(awardId)).state;
      if (track?.opened && track.specId) tracks.push(track);
    }
    const name = tracks.map((t) => t.learner?.name).find((n) => n && n !== ERASED);
    const enrolments = await Promise.all(tracks.map((t) => this.enrolment(t)));
    const { items } = await this.credentials.list({ learnerId, limit: MAX_CREDENTIALS, offset: 0 });
    const credentials: LearnerCredential[] = [];
    for (const summary of items) {
      const document = (await this.credentials.get(summary.credentialId))?.secured as JsonObject | undefined;
      if (document) credentials.push(this.credential(summary, document));
    }
    credentials.sort((a, b) => b.awardedAt.localeCompare(a.awardedAt));
    return { learner: { learnerId, ...(name ? { name } : {}) }, enrolments, credentials };
  }

  private async enrolment(track: AwardTrack): Promise<LearnerEnrolment> {
    const spec = await this.knowledge.spec(track.specId!, track.specVersion);
    const institutions = await this.knowledge.institutions([...new Set((spec?.components ?? []).map((c) => c.institutionId))]);
    return {
      awardId: track.awardId,
      specId: track.specId!,
      version: track.specVersion ?? spec?.version ?? 1,
      title: spec?.title ?? 'A micro-credential not yet published to issuance',
      ...(track.enrolledAt ? { enrolledAt: track.enrolledAt } : {}),
      state: track.closed ? 'ended' : track.current ? 'awarded' : 'in-progress',
      components: (spec?.components ?? []).map((c) => {
        const r = track.results[c.code];
        return {
          code: c.code,
          title: c.title,
          institution: institutions.get(c.institutionId)?.name ?? c.institutionId,
          ects: c.ects,
          ...(r
            ? { result: { passed: r.passed, ...(r.grade !== undefined ? { grade: String(r.grade) } : {}), assessedAt: r.assessedAt } }
            : {}),
        };
      }),
      ...(track.current ? { credentialId: track.current.credentialId } : {}),
    };
  }

  private credential(summary: CredentialSummary, document: JsonObject): LearnerCredential {
    const headline = credentialHeadline(document);
    return {
      credentialId: summary.credentialId,
      title: headline.title,
      lifecycle: summary.lifecycle,
      ...(summary.statusReason ? { statusReason: summary.statusReason } : {}),
      awardedAt: summary.awardedAt,
      ...(summary.issuedAt ? { issuedAt: summary.issuedAt } : {}),
      awardingBodies: headline.awardingBodies,
      ...(summary.supersededBy ? { supersededBy: summary.supersededBy } : {}),
      annexI: plainAnnexI(document),
    };
  }
}
