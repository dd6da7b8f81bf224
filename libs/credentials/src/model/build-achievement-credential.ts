import type { JsonObject } from '../data-integrity/types';
import { OB_V3_CONTEXT_URL, VC_V2_CONTEXT_URL } from '../jsonld/bundled-contexts';
import { microcredentialContextUrl } from '../jsonld/served-contexts';
import type { AwardingBody, BuildCredentialInput, CredentialDefinitionSnapshot } from './definition-types';
import { ECTS_FRAMEWORK_URI, eqfLevelUri } from './eqf';
import { assertAnnexIInput } from './validate-input';

/**
 * The `@context` of the credentials this library builds for the platform serving its contexts at `contextBaseUrl`:
 * VC 2.0, Open Badges 3.0, and the micro-credential extension context as that platform serves it.
 */
export function achievementCredentialContext(contextBaseUrl: string): string[] {
  return [VC_V2_CONTEXT_URL, OB_V3_CONTEXT_URL, microcredentialContextUrl(contextBaseUrl)];
}

/**
 * Builds an unsigned Open Badges 3.0 `AchievementCredential` (VC Data Model 2.0) with `achievementType`
 * MicroCredential, carrying every Annex I element under the mapping in ANNEX-I-MAPPING.md. The lead
 * awarding body is the `issuer`; all awarding bodies are listed and are expected to sign.
 *
 * @throws MissingAnnexIElementError naming the first mandatory Annex I element the input lacks.
 */
export function buildAchievementCredential(input: BuildCredentialInput): JsonObject {
  assertAnnexIInput(input);
  const { definition: d, learner } = input;
  const issued = toDateTime(input.issuanceDate);
  const lead = d.awardingBodies.find((b) => b.lead)!;
  const achievementId = input.achievementId ?? `urn:alliance:definition:${encodeURIComponent(d.id)}:v${d.version}`;
  const statuses = input.status === undefined ? [] : Array.isArray(input.status) ? input.status : [input.status];

  const credential: JsonObject = {
    '@context': achievementCredentialContext(input.contextBaseUrl),
    id: input.credentialId,
    type: ['VerifiableCredential', 'AchievementCredential'],
    name: d.title,
    description: d.description,
    issuer: profileOf(lead),
    validFrom: issued,
    ...(d.validityMonths ? { validUntil: addMonths(issued, d.validityMonths) } : {}),
    awardedDate: issued,
    credentialSubject: {
      ...(learner.did ? { id: learner.did } : {}),
      type: ['AchievementSubject'],
      identifier: identifiersOf(input),
      achievement: achievementOf(d, achievementId),
      creditsEarned: d.ectsCredits,
      ...(input.result?.grade !== undefined ? { result: [resultOf(input.result.grade, d, achievementId)] } : {}),
    },
  };
  if (statuses.length) credential.credentialStatus = statuses.length === 1 ? statuses[0] : statuses;
  return credential;
}

function achievementOf(d: CredentialDefinitionSnapshot, id: string): JsonObject {
  const escoAlignments = d.learningOutcomes
    .filter((o) => o.escoUri)
    .map((o) => ({
      type: ['Alignment'],
      targetName: o.text,
      targetUrl: o.escoUri,
      targetFramework: 'ESCO',
      targetType: 'ceasn:Competency',
    }));
  return {
    id,
    type: ['Achievement'],
    achievementType: 'MicroCredential',
    name: d.title,
    description: d.description,
    criteria: { narrative: criteriaNarrative(d) },
    creditsAvailable: d.ectsCredits,
    inLanguage: d.language,
    version: String(d.version),
    creator: profileOf(d.awardingBodies.find((b) => b.lead)!),
    ...(escoAlignments.length ? { alignment: escoAlignments } : {}),
    ...(d.gradingScheme ? { resultDescription: [resultDescriptionOf(d, id)] } : {}),
    awardingBody: d.awardingBodies.map(profileOf),
    learningOutcome: d.learningOutcomes.map((o) => ({
      type: 'LearningOutcome',
      name: o.text,
      ...(o.escoUri ? { relatedEscoSkill: [o.escoUri] } : {}),
    })),
    creditFramework: ECTS_FRAMEWORK_URI,
    eqfLevel: eqfLevelUri(d.eqfLevel),
    ...(d.qfEheaCycle ? { qfEheaCycle: d.qfEheaCycle } : {}),
    assessmentType: d.assessmentType,
    participationForm: d.participationForm,
    qualityAssurance: { type: 'QualityAssurance', assuranceType: d.qualityAssurance.type, assuredBy: d.qualityAssurance.body },
    ...(d.prerequisites ? { prerequisites: d.prerequisites } : {}),
    ...(d.supervision ? { supervisionAndIdVerification: d.supervision } : {}),
    ...(d.stackability
      ? {
          stackability: {
            type: 'Stackability',
            stackabilityMode: d.stackability.mode,
            ...(d.stackability.stacksInto?.length ? { stacksInto: d.stackability.stacksInto } : {}),
          },
        }
      : {}),
    ...(d.furtherInformation ? { furtherInformation: d.furtherInformation } : {}),
  };
}

// Open Badges requires criteria; the outcomes and the assessment are what a learner has to meet.
function criteriaNarrative(d: CredentialDefinitionSnapshot): string {
  const outcomes = d.learningOutcomes.map((o) => `- ${o.text}`).join('\n');
  return `Learning outcomes:\n${outcomes}\n\nAssessment: ${d.assessmentType}`;
}

function profileOf(body: AwardingBody): JsonObject {
  return {
    id: body.did,
    type: ['Profile'],
    name: body.name,
    ...(body.url ? { url: body.url } : {}),
    address: { type: ['Address'], addressCountryCode: body.countryCode, ...(body.region ? { addressRegion: body.region } : {}) },
  };
}

function identifiersOf(input: BuildCredentialInput): JsonObject[] {
  const { learner } = input;
  const out: JsonObject[] = [
    { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: `${learner.givenName} ${learner.familyName}` },
  ];
  if (learner.emailHash) {
    out.push({
      type: 'IdentityObject',
      identityType: 'emailAddress',
      hashed: true,
      identityHash: learner.emailHash.identityHash,
      ...(learner.emailHash.salt ? { salt: learner.emailHash.salt } : {}),
    });
  }
  return out;
}

function resultDescriptionOf(d: CredentialDefinitionSnapshot, achievementId: string): JsonObject {
  const g = d.gradingScheme!;
  return {
    id: `${achievementId}#grade`,
    type: ['ResultDescription'],
    name: g.name,
    resultType: g.resultType ?? 'LetterGrade',
    ...(g.allowedValues?.length ? { allowedValue: g.allowedValues } : {}),
  };
}

function resultOf(grade: string, d: CredentialDefinitionSnapshot, achievementId: string): JsonObject {
  return { type: ['Result'], value: grade, ...(d.gradingScheme ? { resultDescription: `${achievementId}#grade` } : {}) };
}

function toDateTime(value: string | Date): string {
  return (value instanceof Date ? value : new Date(value)).toISOString().replace(/\.000Z$/, 'Z');
}

function addMonths(dateTime: string, months: number): string {
  const d = new Date(dateTime);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().replace(/\.000Z$/, 'Z');
}
