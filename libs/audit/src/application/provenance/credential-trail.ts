import type { RecordedEvent } from '@alliance/event-sourcing';
import type { HistoryReader, ProvenanceStep, TracedEvent } from './history-reader';
import {
  type AwardTrackData,
  CREDENTIAL_TYPES,
  type CredentialDraftedData,
  type CredentialProofAddedData,
  INSTITUTION_TYPES,
  RESULT_TYPES,
  SPEC_TYPES,
  STORES,
  streams,
  VERIFICATION_TYPES,
} from './stored-events';

/** Everything gathered about one credential, across services, before ordering and summing up. */
export interface CredentialTrail {
  credentialId: string;
  drafted?: CredentialDraftedData;
  enrolmentId?: string;
  events: TracedEvent[];
}

const data = (e: RecordedEvent) => (e.data ?? {}) as Record<string, unknown>;
const tag =
  (store: string, step: ProvenanceStep) =>
  (event: RecordedEvent): TracedEvent => ({ store, step, event });

/**
 * Follows the ids a credential carries through the stores: its own stream, the award track that granted it,
 * the definition version and its approvals, the awarding bodies and their keys, the enrolment, every result
 * and amendment of that enrolment, and every verification. Undefined when no store knows the credential.
 */
export async function gatherCredentialTrail(reader: HistoryReader, credentialId: string): Promise<CredentialTrail | undefined> {
  const own = await reader.stream(STORES.issuance, streams.credential(credentialId));
  if (own.length === 0) return undefined;
  const events: TracedEvent[] = own.map((e) => tag(STORES.issuance, credentialStep(e.type))(e));
  const draftedEvent = own.find((e) => e.type === CREDENTIAL_TYPES.drafted);
  const drafted = draftedEvent?.data as CredentialDraftedData | undefined;
  if (!drafted) return { credentialId, events };

  const award = await reader.stream(STORES.issuance, streams.award(drafted.awardId));
  events.push(...award.map(tag(STORES.issuance, 'award')));
  const enrolmentId = award.map((e) => (e.data as AwardTrackData).enrolmentId).find(Boolean);

  events.push(...(await definitionEvents(reader, drafted.specId, drafted.specVersion)));
  const usedMethods = new Set(
    own.filter((e) => e.type === CREDENTIAL_TYPES.proofAdded).map((e) => (e.data as CredentialProofAddedData).verificationMethod),
  );
  for (const body of drafted.awardingBodies) events.push(...(await institutionEvents(reader, body.institutionId, usedMethods)));

  if (enrolmentId) {
    events.push(...(await enrolmentEvents(reader, drafted.learnerId, enrolmentId)));
    // Transcripts are kept per enrolment; a scan finds results should they ever be kept elsewhere.
    const transcript = (await reader.stream(STORES.assessment, streams.transcript(enrolmentId))).filter(
      (e) => e.type === RESULT_TYPES.published || e.type === RESULT_TYPES.amended,
    );
    const results = transcript.length
      ? transcript
      : await reader.scan(STORES.assessment, (d) => d['enrolmentId'] === enrolmentId, Object.values(RESULT_TYPES));
    events.push(...results.map((e) => tag(STORES.assessment, e.type === RESULT_TYPES.amended ? 'amendment' : 'result')(e)));
  }
  const verifications = await reader.scan(
    STORES.verification,
    (d) => d['credentialId'] === credentialId,
    Object.values(VERIFICATION_TYPES),
  );
  events.push(...verifications.map(tag(STORES.verification, 'verification')));
  return { credentialId, drafted, ...(enrolmentId ? { enrolmentId } : {}), events };
}

function credentialStep(type: string): ProvenanceStep {
  switch (type) {
    case CREDENTIAL_TYPES.drafted:
      return 'draft';
    case CREDENTIAL_TYPES.proofAdded:
      return 'signature';
    case CREDENTIAL_TYPES.issued:
      return 'issuance';
    default:
      return 'status';
  }
}

/** The events that made the version the credential was issued under: drafting, approvals, publication. */
async function definitionEvents(reader: HistoryReader, specId: string, version: number): Promise<TracedEvent[]> {
  const spec = await reader.stream(STORES.catalogue, streams.credentialSpec(specId));
  return spec
    .filter((e) => data(e)['version'] === version)
    .map((e) =>
      tag(
        STORES.catalogue,
        e.type === SPEC_TYPES.approved ? 'approval' : e.type === SPEC_TYPES.published ? 'publication' : 'definition',
      )(e),
    );
}

/** An awarding body's registration, membership changes, and the keys its proofs name. */
async function institutionEvents(reader: HistoryReader, institutionId: string, usedMethods: Set<string>): Promise<TracedEvent[]> {
  const stream = await reader.stream(STORES.catalogue, streams.institution(institutionId));
  const traced: TracedEvent[] = [];
  for (const e of stream) {
    const d = data(e);
    if (e.type === INSTITUTION_TYPES.keyAdded || e.type === INSTITUTION_TYPES.keyRotated) {
      const keys = [d['key'], d['newKey']].filter(Boolean) as { verificationMethodId?: string }[];
      const previous = `${String(keys[0]?.verificationMethodId ?? '').split('#')[0]}#${String(d['previousKeyId'] ?? '')}`;
      if (keys.some((k) => usedMethods.has(k.verificationMethodId ?? '')) || usedMethods.has(previous))
        traced.push(tag(STORES.catalogue, 'signing-key')(e));
    } else {
      traced.push(tag(STORES.catalogue, 'institution')(e));
    }
  }
  return traced;
}

/** The enrolment's own events, read from the learner's stream (or found by id when the stream is elsewhere). */
async function enrolmentEvents(reader: HistoryReader, learnerId: string, enrolmentId: string): Promise<TracedEvent[]> {
  let learner = await reader.stream(STORES.enrolment, streams.learner(learnerId));
  if (!learner.some((e) => data(e)['enrolmentId'] === enrolmentId))
    learner = await reader.scan(STORES.enrolment, (d) => d['enrolmentId'] === enrolmentId);
  // Erasure is about the learner, not one enrolment, and still belongs to the story.
  return learner
    .filter((e) => data(e)['enrolmentId'] === enrolmentId || e.type === 'LearnerErased')
    .map(tag(STORES.enrolment, 'enrolment'));
}
