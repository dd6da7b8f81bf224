import type { JsonObject } from '../data-integrity/types';
import { ANNEX_I_ELEMENTS, type AnnexIElement, type AnnexIElementKey } from './annex-i';
import { ECTS_FRAMEWORK_URI, eqfLevelOfUri } from './eqf';

/** One element as found in a credential. */
export interface AnnexIFinding extends AnnexIElement {
  present: boolean;
  /** The value(s) read, for display. */
  value?: unknown;
}

const obj = (v: unknown): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const countryOf = (profile: unknown): string | undefined => text(obj(obj(profile)?.address)?.addressCountryCode);

type Reader = (credential: JsonObject, subject: JsonObject | undefined, achievement: JsonObject | undefined) => unknown;

// Each reader returns the element's value when it is present and well-formed, else undefined.
const READERS: Record<AnnexIElementKey, Reader> = {
  learner: (_c, s) => {
    const ids = list(s?.identifier).filter((i) => text(obj(i)?.identityHash));
    return text(s?.id) || ids.length ? { id: s?.id, identifier: ids } : undefined;
  },
  title: (_c, _s, a) => text(a?.name),
  issuerCountry: (c, _s, a) => {
    const bodies = list(a?.awardingBody);
    const countries = [countryOf(c.issuer), ...bodies.map(countryOf)];
    return bodies.length && countries.every(Boolean) ? [...new Set(countries)] : undefined;
  },
  awardingBodies: (c, _s, a) => {
    const bodies = list(a?.awardingBody).filter((b) => text(obj(b)?.id) && text(obj(b)?.name));
    const issuerId = text(obj(c.issuer)?.id) ?? text(c.issuer);
    return bodies.length && bodies.some((b) => obj(b)?.id === issuerId) ? bodies.map((b) => obj(b)?.id) : undefined;
  },
  dateOfIssuing: (c) => (text(c.validFrom) && !Number.isNaN(Date.parse(c.validFrom as string)) ? c.validFrom : undefined),
  learningOutcomes: (_c, _s, a) => {
    const outcomes = list(a?.learningOutcome).map((o) => text(obj(o)?.name));
    return outcomes.length && outcomes.every(Boolean) ? outcomes : undefined;
  },
  workload: (_c, _s, a) =>
    typeof a?.creditsAvailable === 'number' && a.creditsAvailable > 0 && a.creditFramework === ECTS_FRAMEWORK_URI
      ? { ects: a.creditsAvailable }
      : undefined,
  level: (_c, _s, a) => {
    const eqf = eqfLevelOfUri(a?.eqfLevel);
    return eqf ? { eqfLevel: a?.eqfLevel, ...(a?.qfEheaCycle ? { qfEheaCycle: a.qfEheaCycle } : {}) } : undefined;
  },
  assessmentType: (_c, _s, a) => text(a?.assessmentType),
  participationForm: (_c, _s, a) =>
    ['online', 'onsite', 'blended'].includes(a?.participationForm as string) ? a?.participationForm : undefined,
  qualityAssurance: (_c, _s, a) => {
    const qa = obj(a?.qualityAssurance);
    return text(qa?.assuranceType) && text(qa?.assuredBy) ? qa : undefined;
  },
  prerequisites: (_c, _s, a) => text(a?.prerequisites),
  supervision: (_c, _s, a) => text(a?.supervisionAndIdVerification),
  grade: (_c, s) =>
    list(s?.result)
      .map((r) => text(obj(r)?.value))
      .find(Boolean),
  stackability: (_c, _s, a) => (text(obj(a?.stackability)?.stackabilityMode) ? a?.stackability : undefined),
  furtherInformation: (_c, _s, a) => text(a?.furtherInformation),
};

/** Reads every Annex I element from a credential under this library's mapping. */
export function findAnnexIElements(credential: JsonObject): AnnexIFinding[] {
  const subject = obj(credential.credentialSubject);
  const achievement = obj(subject?.achievement);
  return ANNEX_I_ELEMENTS.map((element) => {
    const value = READERS[element.key](credential, subject, achievement);
    return { ...element, present: value !== undefined, ...(value !== undefined ? { value } : {}) };
  });
}

/** The mandatory Annex I elements a credential lacks (empty when it is complete). */
export function missingAnnexIElements(credential: JsonObject): AnnexIElement[] {
  return findAnnexIElements(credential)
    .filter((f) => f.mandatory && !f.present)
    .map(({ key, name, mandatory, mapping }) => ({ key, name, mandatory, mapping }));
}
