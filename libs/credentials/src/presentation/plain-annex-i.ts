import type { JsonObject } from '../data-integrity/types';
import type { AnnexIElementKey } from '../model/annex-i';
import { type AnnexIFinding, findAnnexIElements } from '../model/annex-i-check';
import { eqfLevelOfUri } from '../model/eqf';
import { awardingBodiesOf, learnerOf } from './credential-headline';
import { plainGrade } from './plain-grade';
import { countryName, listOf, objectOf, plainDate, plainText } from './plain-text';

/** An Annex I element of a credential in words a learner or an employer reads without knowing JSON-LD. */
export interface PlainAnnexElement {
  key: AnnexIElementKey;
  /** The element's name in Annex I. */
  name: string;
  mandatory: boolean;
  present: boolean;
  /** E.g. "6 ECTS credits", "EQF level 6 (first cycle)"; "missing" for an absent mandatory element, "not stated" for an absent optional one. */
  text: string;
  /** The values one by one, for an element that lists several (learning outcomes, awarding bodies, countries); `text` joins them. */
  items?: string[];
}

const PARTICIPATION: Record<string, string> = {
  online: 'Online',
  onsite: 'On site',
  blended: 'Blended (online and on site)',
};

// The four options Annex I lists, in its words.
const SUPERVISION: Record<string, string> = {
  'unsupervised-no-id-verification': 'Unsupervised, with no identity verification',
  'supervised-no-id-verification': 'Supervised, with no identity verification',
  'supervised-online-id-verification': 'Supervised online, with identity verification',
  'supervised-onsite-id-verification': 'Supervised on site, with identity verification',
};

const STACKABILITY: Record<string, string> = {
  'stand-alone': 'Stand-alone',
  integrated: 'Integrated into a larger credential',
  stackable: 'Stackable',
};

const CYCLES = new Set(['short', 'first', 'second', 'third']);

type Words = (value: unknown, credential: JsonObject) => string | string[];

const named = (table: Record<string, string>, v: unknown): string => {
  const code = plainText(v);
  return Object.hasOwn(table, code) ? table[code] : code;
};

// Each turns the value `findAnnexIElements` read (present and well-formed) into words; empty falls back to "stated".
const WORDS: Record<AnnexIElementKey, Words> = {
  learner: (_v, c) => learnerOf(objectOf(c.credentialSubject)) || 'identified by a hashed identifier',
  title: (v) => plainText(v),
  issuerCountry: (v) => [...new Set(listOf(v).map(countryName))].filter(Boolean),
  awardingBodies: (_v, c) => awardingBodiesOf(c),
  dateOfIssuing: (v) => plainDate(v),
  learningOutcomes: (v) =>
    listOf(v)
      .map((o) => plainText(o))
      .filter(Boolean),
  workload: (v) => {
    const ects = objectOf(v)?.ects;
    return typeof ects === 'number' ? `${ects} ECTS credit${ects === 1 ? '' : 's'}` : '';
  },
  level: (v) => {
    const level = eqfLevelOfUri(objectOf(v)?.eqfLevel);
    const cycle = plainText(objectOf(v)?.qfEheaCycle, 40);
    return level ? `EQF level ${level}${cycle ? ` (${CYCLES.has(cycle) ? `${cycle} cycle` : cycle})` : ''}` : '';
  },
  assessmentType: (v) => plainText(v),
  participationForm: (v) => named(PARTICIPATION, v),
  qualityAssurance: (v) => {
    const type = plainText(objectOf(v)?.assuranceType);
    const by = plainText(objectOf(v)?.assuredBy);
    return by ? `${type}, by ${by}` : type;
  },
  prerequisites: (v) => plainText(v),
  supervision: (v) => named(SUPERVISION, v),
  grade: (v, c) => plainGrade(c) || plainText(v),
  stackability: (v) => {
    const mode = named(STACKABILITY, objectOf(v)?.stackabilityMode);
    const into = listOf(objectOf(v)?.stacksInto)
      .map((t) => plainText(t))
      .filter(Boolean);
    return into.length ? `${mode} (into ${into.join(', ')})` : mode;
  },
  furtherInformation: (v) => plainText(v),
};

/**
 * The 16 Annex I elements of an Open Badges 3.0 credential, in Annex I order, each in plain words. Presence is
 * decided as `findAnnexIElements` decides it, so these texts agree with the verifier; odd input never throws.
 */
export function plainAnnexI(credential: JsonObject): PlainAnnexElement[] {
  const document = objectOf(credential) ?? {};
  return findAnnexIElements(document).map((finding) => {
    const { key, name, mandatory, present } = finding;
    return { key, name, mandatory, present, ...wordsOf(finding, document) };
  });
}

function wordsOf(finding: AnnexIFinding, credential: JsonObject): { text: string; items?: string[] } {
  if (!finding.present) return { text: finding.mandatory ? 'missing' : 'not stated' };
  const words = WORDS[finding.key](finding.value, credential);
  if (!Array.isArray(words)) return { text: words || 'stated' };
  // Countries read as one phrase; bodies and outcomes, which carry commas of their own, are set apart by semicolons.
  return words.length ? { text: words.join(finding.key === 'issuerCountry' ? ', ' : '; '), items: words } : { text: 'stated' };
}
