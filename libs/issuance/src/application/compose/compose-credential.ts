import { createHash } from 'node:crypto';
import {
  buildAchievementCredential,
  type CredentialDefinitionSnapshot,
  type EqfLevel,
  hashEmailIdentity,
  type JsonObject,
  statusListEntry,
} from '@alliance/credentials';
import type { AwardGranted } from '../../domain/award/award.events';
import type { StatusSlot } from '../../domain/credential/credential.events';
import { IssuanceException } from '../../domain/issuance.exception';
import type { StatusEntries } from '../issuance-settings';
import type { InstitutionSnapshot } from '../../domain/knowledge/institution-snapshot';
import type { SpecSnapshot } from '../../domain/knowledge/spec-snapshot';
import { publishedListId } from '../../domain/status-list/status-list.constants';
import { overallGrade } from './achieved-grade';
import type { PublishedDefinition } from './published-definition';

export interface ComposeInput {
  award: AwardGranted['data'];
  spec: SpecSnapshot;
  institutions: Map<string, InstitutionSnapshot>;
  status: StatusSlot;
  /** Public base URL of the issuance service: status lists live under it. */
  publicUrl: string;
  /** Where the platform serves its JSON-LD contexts (CONTEXT_BASE_URL); the public URL when not given. */
  contextBaseUrl?: string;
  /** Which status entries the credential carries (see ISSUANCE_STATUS_ENTRIES); revocation only by default. */
  statusEntries?: StatusEntries;
  /** The credential's validFrom (the drafting instant). */
  validFrom: string;
  /** The credential this one replaces, when it was issued: named with its digest. */
  supersedes?: { credentialId: string; hash: string };
}

const CYCLES = { 'short-cycle': 'short', 'first-cycle': 'first', 'second-cycle': 'second', 'third-cycle': 'third' } as const;
const SUPERVISION = {
  'unsupervised-no-identity-verification': 'unsupervised-no-id-verification',
  'supervised-no-identity-verification': 'supervised-no-id-verification',
  'supervised-online-identity-verification': 'supervised-online-id-verification',
  'supervised-onsite-identity-verification': 'supervised-onsite-id-verification',
} as const;

/**
 * The unsigned OB 3.0 credential of an award: the definition's Annex I elements, every awarding body as the
 * registry describes it, the learner, the grade, and its status entries: a `revocation` entry, and a `suspension`
 * entry at the same index when the platform issues suspendable credentials.
 */
export function composeCredential(input: ComposeInput): JsonObject {
  const { award, spec } = input;
  const d = spec.definition as unknown as PublishedDefinition;
  const grade = overallGrade(spec, award.grades);
  const definition: CredentialDefinitionSnapshot = {
    id: spec.specId,
    version: spec.version,
    title: d.title,
    description: d.description ?? d.title,
    learningOutcomes: (d.learningOutcomes ?? []).map((o) => ({
      text: o.description,
      ...(o.escoSkillUri ? { escoUri: o.escoSkillUri } : {}),
    })),
    ectsCredits: d.ects,
    eqfLevel: d.eqfLevel as EqfLevel,
    ...(d.qfEheaCycle ? { qfEheaCycle: CYCLES[d.qfEheaCycle] } : {}),
    assessmentType: d.assessmentType,
    participationForm: d.formOfParticipation,
    qualityAssurance: { type: d.qualityAssurance?.type, body: d.qualityAssurance?.body },
    awardingBodies: spec.awardingBodies.map((b) => awardingBody(b, input.institutions.get(b.institutionId))),
    ...(d.prerequisites ? { prerequisites: d.prerequisites } : {}),
    ...(d.supervisionAndIdentityVerification ? { supervision: SUPERVISION[d.supervisionAndIdentityVerification] } : {}),
    ...(grade.scheme ? { gradingScheme: grade.scheme } : {}),
    ...(d.stackability ? { stackability: { mode: d.stackability.option } } : {}),
    ...(d.furtherInformation ? { furtherInformation: d.furtherInformation } : {}),
    language: d.languages?.[0] ?? 'en',
    ...(d.validityMonths ? { validityMonths: d.validityMonths } : {}),
  };
  const lists = `${input.publicUrl.replace(/\/$/, '')}/status-lists`;
  const purposes =
    input.statusEntries === 'revocation-and-suspension' ? (['revocation', 'suspension'] as const) : (['revocation'] as const);
  const status = purposes.map((purpose) =>
    statusListEntry({
      statusListCredential: `${lists}/${publishedListId(input.status.listId, purpose)}`,
      statusListIndex: input.status.index,
      statusPurpose: purpose,
    }),
  );
  let credential: JsonObject;
  try {
    credential = buildAchievementCredential({
      credentialId: `urn:uuid:${award.credentialId}`,
      contextBaseUrl: input.contextBaseUrl ?? input.publicUrl,
      definition,
      learner: {
        id: award.learner.learnerId,
        ...splitName(award.learner.name),
        ...(award.learner.did ? { did: award.learner.did } : {}),
        ...(award.learner.email ? { emailHash: hashEmailIdentity(award.learner.email, saltFor(award.credentialId)) } : {}),
      },
      ...(grade.grade !== undefined ? { result: { grade: grade.grade } } : {}),
      issuanceDate: input.validFrom,
      // One entry stays one object, as the Open Badges 3.0.3 schema wants.
      status: status.length === 1 ? status[0]! : status,
    });
  } catch (e) {
    if ((e as Error).name === 'MissingAnnexIElementError')
      throw new IssuanceException('issuance.credential.annex-i-incomplete', (e as Error).message, 'definition');
    throw e;
  }
  nameLearningOutcomes(credential);
  // A re-issued credential keeps the date the award was first made; validFrom is when this version took effect.
  credential.awardedDate = toDateTime(award.awardedAt);
  if (input.supersedes) {
    credential.relatedResource = [
      { id: `urn:uuid:${input.supersedes.credentialId}`, digestMultibase: sha256Multibase(input.supersedes.hash) },
    ];
  }
  return credential;
}

function awardingBody(ref: SpecSnapshot['awardingBodies'][number], learned: InstitutionSnapshot | undefined) {
  const known =
    learned?.did && learned.name
      ? learned
      : ref.did && ref.name && ref.countryCode
        ? { ...ref, did: ref.did, name: ref.name, countryCode: ref.countryCode }
        : undefined;
  if (!known) {
    throw new IssuanceException(
      'issuance.credential.awarding-body-unknown',
      `issuance has not learned institution ${ref.institutionId} from the catalogue yet`,
      'awardingBodies',
    );
  }
  return {
    institutionId: ref.institutionId,
    name: known.name,
    did: known.did,
    countryCode: known.countryCode,
    ...(known.region ? { region: known.region } : {}),
    lead: ref.lead,
    ...(known.homepage ? { url: known.homepage } : {}),
  };
}

/**
 * Gives each learning outcome an IRI under the achievement. As anonymous nodes in an ordered list, four or more
 * outcomes look alike to RDF canonicalization until it gives up (its deep-iteration guard), so rdfc signing
 * would fail; named, they canonicalize at once. The IRIs are stable per definition version.
 */
function nameLearningOutcomes(credential: JsonObject): void {
  const achievement = (credential.credentialSubject as JsonObject).achievement as JsonObject;
  if (!Array.isArray(achievement.learningOutcome)) return;
  achievement.learningOutcome = (achievement.learningOutcome as JsonObject[]).map((o, i) => ({
    id: `${String(achievement.id)}#learning-outcome-${i + 1}`,
    ...o,
  }));
}

/**
 * Open Badges wants given and family names; enrolment records one full name. The last word is taken as the
 * family name, so the name the credential shows (given + family) is the full name as recorded.
 */
export function splitName(name: string): { givenName: string; familyName: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { givenName: words[0] ?? '', familyName: words[0] ?? '' };
  return { givenName: words.slice(0, -1).join(' '), familyName: words[words.length - 1] };
}

// Deterministic per credential, so re-composing the same award gives the same document.
const saltFor = (credentialId: string) => createHash('sha256').update(`learner-email-salt|${credentialId}`).digest('hex').slice(0, 32);

/** VC 2.0 digestMultibase: multibase base64url of the sha2-256 multihash. */
function sha256Multibase(hex: string): string {
  return `u${Buffer.concat([Buffer.from([0x12, 0x20]), Buffer.from(hex, 'hex')]).toString('base64url')}`;
}

function toDateTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.000Z$/, 'Z');
}
