import { buildInput, definition } from '../__tests__/alliance-fixture';
import type { JsonObject } from '../data-integrity/types';
import { ANNEX_I_ELEMENTS, type AnnexIElementKey } from '../model/annex-i';
import { buildAchievementCredential } from '../model/build-achievement-credential';
import type { BuildCredentialInput, CredentialDefinitionSnapshot } from '../model/definition-types';
import { plainAnnexI } from './plain-annex-i';

const built = (def: Partial<CredentialDefinitionSnapshot> = {}, input: Partial<BuildCredentialInput> = {}) =>
  buildAchievementCredential(buildInput({ definition: definition(def), ...input }));
const textsOf = (credential: JsonObject) => Object.fromEntries(plainAnnexI(credential).map((e) => [e.key, e.text]));
const elementOf = (credential: JsonObject, key: AnnexIElementKey) => plainAnnexI(credential).find((e) => e.key === key)!;
const achievementOf = (c: JsonObject) => (c.credentialSubject as JsonObject).achievement as JsonObject;

describe('plainAnnexI on the credentials this library builds', () => {
  it('words every element of the alliance fixture for a reader who does not know JSON-LD', () => {
    expect(textsOf(built())).toEqual({
      learner: 'Ada Lovelace',
      title: 'Sustainable Energy Systems',
      issuerCountry: 'Germany, Portugal, Finland',
      awardingBodies: 'University A (Germany, Bavaria); University B (Portugal); University C (Finland)',
      dateOfIssuing: '30 June 2025',
      learningOutcomes: 'Model the output of a photovoltaic installation; Assess the life-cycle emissions of an energy system',
      workload: '5 ECTS credits',
      level: 'EQF level 7 (second cycle)',
      assessmentType: 'Written examination and project report',
      participationForm: 'Blended (online and on site)',
      qualityAssurance: 'Internal quality assurance under ESG Part 1, by Alliance Quality Board',
      prerequisites: 'A bachelor degree in engineering or natural sciences',
      supervision: 'Supervised online, with identity verification',
      grade: 'A on a scale A–E (ECTS grading scale)',
      stackability: 'Stackable (into urn:alliance:definition:msc-energy:v1)',
      furtherInformation: 'https://alliance.example/credentials/sustainable-energy',
    });
  });

  it('gives the values of list elements one by one too', () => {
    const items = Object.fromEntries(plainAnnexI(built()).map((e) => [e.key, e.items]));
    expect(items).toMatchObject({
      issuerCountry: ['Germany', 'Portugal', 'Finland'],
      awardingBodies: ['University A (Germany, Bavaria)', 'University B (Portugal)', 'University C (Finland)'],
      learningOutcomes: definition().learningOutcomes.map((o) => o.text),
      workload: undefined,
    });
  });

  it('keeps Annex I order, names and the mandatory flag', () => {
    expect(plainAnnexI(built()).map(({ key, name, mandatory }) => ({ key, name, mandatory }))).toEqual(
      ANNEX_I_ELEMENTS.map(({ key, name, mandatory }) => ({ key, name, mandatory })),
    );
  });

  it('states a first-cycle EQF 6 course of 6 ECTS graded 8 on a ten-point scale with its pass mark', () => {
    const credential = built(
      {
        ectsCredits: 6,
        eqfLevel: 6,
        qfEheaCycle: 'first',
        gradingScheme: { name: 'Alliance ten-point scale', allowedValues: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] },
      },
      { result: { grade: '8' } },
    );
    const [scale] = achievementOf(credential).resultDescription as JsonObject[];
    scale.requiredValue = '6';
    expect(textsOf(credential)).toMatchObject({
      workload: '6 ECTS credits',
      level: 'EQF level 6 (first cycle)',
      grade: '8 on a scale 1–10, pass mark 6 (Alliance ten-point scale)',
    });
  });

  it('reads a numeric range and pass mark before the allowed values', () => {
    const credential = built({}, { result: { grade: '16' } });
    Object.assign((achievementOf(credential).resultDescription as JsonObject[])[0], { valueMin: 0, valueMax: '20', requiredValue: 10 });
    expect(elementOf(credential, 'grade').text).toBe('16 on a scale 0–20, pass mark 10 (ECTS grading scale)');
  });

  it('words one credit in the singular, half credits as decimals, and a level without a cycle', () => {
    expect(textsOf(built({ ectsCredits: 1, qfEheaCycle: undefined, eqfLevel: 4 }))).toMatchObject({
      workload: '1 ECTS credit',
      level: 'EQF level 4',
    });
    expect(elementOf(built({ ectsCredits: 7.5 }), 'workload').text).toBe('7.5 ECTS credits');
  });

  it('names a scale of one value only by its name (a pass/fail scheme recording passes)', () => {
    const credential = built({}, { result: { grade: 'Passed' } });
    Object.assign((achievementOf(credential).resultDescription as JsonObject[])[0], { allowedValue: ['Passed'], name: 'Pass or fail' });
    expect(elementOf(credential, 'grade').text).toBe('Passed (Pass or fail)');
  });

  it('gives the grade alone when the definition has no grading scheme', () => {
    expect(elementOf(built({ gradingScheme: undefined }, { result: { grade: 'Pass' } }), 'grade').text).toBe('Pass');
  });

  it('words each participation form, supervision option and stackability mode', () => {
    expect(elementOf(built({ participationForm: 'onsite' }), 'participationForm').text).toBe('On site');
    expect(elementOf(built({ participationForm: 'online' }), 'participationForm').text).toBe('Online');
    expect(elementOf(built({ supervision: 'unsupervised-no-id-verification' }), 'supervision').text).toBe(
      'Unsupervised, with no identity verification',
    );
    expect(elementOf(built({ supervision: 'supervised-onsite-id-verification' }), 'supervision').text).toBe(
      'Supervised on site, with identity verification',
    );
    expect(elementOf(built({ stackability: { mode: 'stand-alone' } }), 'stackability').text).toBe('Stand-alone');
  });

  it('marks the optional elements a definition leaves out as not present', () => {
    const credential = built(
      {
        prerequisites: undefined,
        supervision: undefined,
        gradingScheme: undefined,
        stackability: undefined,
        furtherInformation: undefined,
      },
      { result: undefined },
    );
    const elements = plainAnnexI(credential);
    expect(elements.filter((e) => !e.present)).toEqual(
      (['prerequisites', 'supervision', 'grade', 'stackability', 'furtherInformation'] as const).map((key) =>
        expect.objectContaining({ key, mandatory: false, present: false, text: 'not stated' }),
      ),
    );
    expect(elements.filter((e) => e.mandatory).every((e) => e.present)).toBe(true);
  });

  it('marks a mandatory element the credential lacks as missing', () => {
    const credential = built();
    delete achievementOf(credential).creditsAvailable;
    delete achievementOf(credential).qualityAssurance;
    expect(plainAnnexI(credential).filter((e) => !e.present)).toEqual([
      { key: 'workload', name: ANNEX_I_ELEMENTS[6].name, mandatory: true, present: false, text: 'missing' },
      { key: 'qualityAssurance', name: ANNEX_I_ELEMENTS[10].name, mandatory: true, present: false, text: 'missing' },
    ]);
  });

  it('names the learner by the DID when the credential states no readable name', () => {
    const credential = built();
    const subject = credential.credentialSubject as JsonObject;
    subject.identifier = [{ type: 'IdentityObject', identityType: 'name', hashed: true, identityHash: 'sha256$abc' }];
    expect(elementOf(credential, 'learner').text).toBe(subject.id);
    delete subject.id;
    expect(elementOf(credential, 'learner')).toMatchObject({ present: true, text: 'identified by a hashed identifier' });
  });
});
