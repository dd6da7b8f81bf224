import type { Actor } from '@alliance/event-sourcing';
import type { AuditSource } from '../audit-source';
import { causalOrder } from './causal-order';
import { gatherCredentialTrail } from './credential-trail';
import { HistoryReader, type ProvenanceStep, type TracedEvent } from './history-reader';
import { CREDENTIAL_TYPES, type CredentialProofAddedData, type CredentialStatusData, RESULT_TYPES, STORES } from './stored-events';

/** One event of a credential's history, as an auditor reads it. */
export interface ProvenanceEntry {
  step: ProvenanceStep;
  store: string;
  streamId: string;
  revision: number;
  position: number;
  eventId: string;
  type: string;
  occurredAt: string;
  actor: Actor;
  correlationId: string;
  causationId?: string;
  data: unknown;
}

export interface CredentialProvenance {
  credentialId: string;
  summary: {
    definition?: {
      specId: string;
      version: number;
      publishedAt?: string;
      publishedBy?: Actor;
      approvals: { institutionId: unknown; approvedBy: unknown; approvedAt: unknown; actor: Actor }[];
    };
    learnerId?: string;
    enrolment?: { enrolmentId: string; enrolledAt?: string; by?: Actor };
    results: {
      resultId: unknown;
      componentCode: unknown;
      institutionId: unknown;
      grade: unknown;
      passed: unknown;
      registrar: Actor;
      at: string;
      amendments: { amendmentNumber: unknown; reason: unknown; grade: unknown; registrar: Actor; at: string }[];
    }[];
    signatures: { institutionId: string; verificationMethod: string; method: string; signedAt: string; by: Actor }[];
    status: { change: string; at: string; reason?: string; by: Actor }[];
    verifications: { at: string; data: unknown }[];
    supersedes?: string;
    supersededBy?: string;
  };
  /** Every gathered event, causes before effects. */
  timeline: ProvenanceEntry[];
}

const STORE_ORDER = [STORES.catalogue, STORES.enrolment, STORES.assessment, STORES.issuance, STORES.verification];

/** The provenance of one credential, gathered from every audited store; undefined when none knows it. */
export async function credentialProvenance(sources: AuditSource[], credentialId: string): Promise<CredentialProvenance | undefined> {
  const trail = await gatherCredentialTrail(new HistoryReader(sources), credentialId);
  if (!trail) return undefined;
  const timeline = causalOrder(trail.events, STORE_ORDER).map(toEntry);
  return { credentialId, summary: summarise(trail.drafted, trail.enrolmentId, timeline), timeline };
}

function toEntry({ store, step, event }: TracedEvent): ProvenanceEntry {
  const m = event.metadata;
  return {
    step,
    store,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    eventId: event.eventId,
    type: event.type,
    occurredAt: m.occurredAt,
    actor: m.actor,
    correlationId: m.correlationId,
    ...(m.causationId ? { causationId: m.causationId } : {}),
    data: event.data,
  };
}

type Data = Record<string, unknown>;
const d = (e: ProvenanceEntry) => (e.data ?? {}) as Data;

function summarise(
  drafted: { specId: string; specVersion: number; learnerId: string; supersedes?: string } | undefined,
  enrolmentId: string | undefined,
  timeline: ProvenanceEntry[],
): CredentialProvenance['summary'] {
  const of = (step: ProvenanceStep) => timeline.filter((e) => e.step === step);
  const publication = of('publication')[0];
  const enrolled = of('enrolment').find((e) => d(e)['enrolmentId'] === enrolmentId && e.type === 'LearnerEnrolled');
  const revoked = timeline.find((e) => e.type === CREDENTIAL_TYPES.revoked);
  const results = of('result').map((e) => ({
    resultId: d(e)['resultId'],
    componentCode: d(e)['componentCode'],
    institutionId: d(e)['institutionId'],
    grade: d(e)['grade'],
    passed: d(e)['passed'],
    registrar: e.actor,
    at: e.occurredAt,
    amendments: of('amendment')
      .filter((a) => a.type === RESULT_TYPES.amended && d(a)['resultId'] === d(e)['resultId'])
      .map((a) => ({
        amendmentNumber: d(a)['amendmentNumber'],
        reason: d(a)['reason'],
        grade: d(a)['grade'],
        registrar: a.actor,
        at: a.occurredAt,
      })),
  }));
  const supersededBy = revoked ? (d(revoked) as unknown as CredentialStatusData).supersededBy : undefined;
  return {
    ...(drafted
      ? {
          definition: {
            specId: drafted.specId,
            version: drafted.specVersion,
            ...(publication ? { publishedAt: publication.occurredAt, publishedBy: publication.actor } : {}),
            approvals: of('approval').map((e) => ({
              institutionId: d(e)['institutionId'],
              approvedBy: d(e)['approvedBy'],
              approvedAt: d(e)['approvedAt'],
              actor: e.actor,
            })),
          },
          learnerId: drafted.learnerId,
        }
      : {}),
    ...(enrolmentId ? { enrolment: { enrolmentId, ...(enrolled ? { enrolledAt: enrolled.occurredAt, by: enrolled.actor } : {}) } } : {}),
    results,
    signatures: of('signature').map((e) => {
      const p = e.data as CredentialProofAddedData;
      return {
        institutionId: p.institutionId,
        verificationMethod: p.verificationMethod,
        method: p.method,
        signedAt: p.proof?.created ?? e.occurredAt,
        by: e.actor,
      };
    }),
    status: timeline
      .filter((e) => e.step === 'issuance' || e.step === 'status')
      .map((e) => ({
        change: statusChange(e.type),
        at: e.occurredAt,
        ...(typeof d(e)['reason'] === 'string' ? { reason: d(e)['reason'] as string } : {}),
        by: e.actor,
      })),
    verifications: of('verification').map((e) => ({ at: e.occurredAt, data: e.data })),
    ...(drafted?.supersedes ? { supersedes: drafted.supersedes } : {}),
    ...(supersededBy ? { supersededBy } : {}),
  };
}

function statusChange(type: string): string {
  switch (type) {
    case CREDENTIAL_TYPES.issued:
      return 'issued';
    case CREDENTIAL_TYPES.suspended:
      return 'suspended';
    case CREDENTIAL_TYPES.reinstated:
      return 'reinstated';
    case CREDENTIAL_TYPES.revoked:
      return 'revoked';
    default:
      return type;
  }
}
