/** Identifies an element of Annex I of Council Recommendation 2022/C 243/02. */
export type AnnexIElementKey =
  | 'learner'
  | 'title'
  | 'issuerCountry'
  | 'awardingBodies'
  | 'dateOfIssuing'
  | 'learningOutcomes'
  | 'workload'
  | 'level'
  | 'assessmentType'
  | 'participationForm'
  | 'qualityAssurance'
  | 'prerequisites'
  | 'supervision'
  | 'grade'
  | 'stackability'
  | 'furtherInformation';

/** An Annex I element and where this library's credentials carry it. */
export interface AnnexIElement {
  key: AnnexIElementKey;
  /** The element's name in Annex I (without the parenthetical qualifiers, whose wording varies between versions). */
  name: string;
  mandatory: boolean;
  /** JSON paths in the credential, for people. */
  mapping: string;
}

/** The 11 mandatory and 5 optional European standard elements, in Annex I order. */
export const ANNEX_I_ELEMENTS: readonly AnnexIElement[] = [
  {
    key: 'learner',
    name: 'Identification of the learner',
    mandatory: true,
    mapping: 'credentialSubject.id, credentialSubject.identifier[]',
  },
  { key: 'title', name: 'Title of the micro-credential', mandatory: true, mapping: 'credentialSubject.achievement.name (also name)' },
  {
    key: 'issuerCountry',
    name: 'Country(ies)/Region(s) of the issuer',
    mandatory: true,
    mapping: 'issuer.address, achievement.awardingBody[].address (addressCountryCode, addressRegion)',
  },
  {
    key: 'awardingBodies',
    name: 'Awarding body(ies)',
    mandatory: true,
    mapping: 'issuer (lead), credentialSubject.achievement.awardingBody[]',
  },
  { key: 'dateOfIssuing', name: 'Date of issuing', mandatory: true, mapping: 'validFrom, awardedDate' },
  {
    key: 'learningOutcomes',
    name: 'Learning outcomes',
    mandatory: true,
    mapping: 'achievement.learningOutcome[], achievement.alignment[] (ESCO), achievement.criteria.narrative',
  },
  {
    key: 'workload',
    name: 'Notional workload needed to achieve the learning outcomes',
    mandatory: true,
    mapping: 'achievement.creditsAvailable with achievement.creditFramework = ECTS',
  },
  {
    key: 'level',
    name: 'Level (and cycle, if applicable) of the learning experience leading to the micro-credential',
    mandatory: true,
    mapping: 'achievement.eqfLevel, achievement.qfEheaCycle',
  },
  { key: 'assessmentType', name: 'Type of assessment', mandatory: true, mapping: 'achievement.assessmentType' },
  {
    key: 'participationForm',
    name: 'Form of participation in the learning activity',
    mandatory: true,
    mapping: 'achievement.participationForm',
  },
  {
    key: 'qualityAssurance',
    name: 'Type of quality assurance used to underpin the micro-credential',
    mandatory: true,
    mapping: 'achievement.qualityAssurance',
  },
  {
    key: 'prerequisites',
    name: 'Prerequisites needed to enrol in the learning activity',
    mandatory: false,
    mapping: 'achievement.prerequisites',
  },
  {
    key: 'supervision',
    name: 'Supervision and identity verification during assessment',
    mandatory: false,
    mapping: 'achievement.supervisionAndIdVerification',
  },
  { key: 'grade', name: 'Grade achieved', mandatory: false, mapping: 'credentialSubject.result[].value' },
  { key: 'stackability', name: 'Integration/stackability options', mandatory: false, mapping: 'achievement.stackability' },
  { key: 'furtherInformation', name: 'Further information', mandatory: false, mapping: 'achievement.furtherInformation' },
];

/** The element of that key. */
export function annexIElement(key: AnnexIElementKey): AnnexIElement {
  return ANNEX_I_ELEMENTS.find((e) => e.key === key)!;
}

/** Thrown when a definition (or a credential) lacks a mandatory Annex I element or carries an unusable value. */
export class MissingAnnexIElementError extends Error {
  override readonly name = 'MissingAnnexIElementError';
  readonly element: AnnexIElement;
  constructor(
    key: AnnexIElementKey,
    readonly detail: string,
  ) {
    const element = annexIElement(key);
    super(`Annex I element "${element.name}" is missing or invalid: ${detail}`);
    this.element = element;
  }
}
