import { canonicalizeRdf } from '../jsonld/rdf-canonicalize';
import { statusListEntry } from '../status-list/status-list-credential';
import { buildInput, CONTEXT_BASE_URL, definition, platformLoader } from '../__tests__/alliance-fixture';
import { readVectorJson } from '../__tests__/vectors';
import type { JsonObject } from '../data-integrity/types';
import { ANNEX_I_ELEMENTS, type AnnexIElementKey, MissingAnnexIElementError } from './annex-i';
import { findAnnexIElements, missingAnnexIElements } from './annex-i-check';
import { buildAchievementCredential } from './build-achievement-credential';
import type { BuildCredentialInput, EqfLevel } from './definition-types';
import { eqfLevelOfUri, eqfLevelUri } from './eqf';
import { validateAchievementCredentialSchema } from '../schema/ob-schema';

const annex = readVectorJson<{ mandatory: string[]; optional_where_relevant_non_exhaustive: string[] }>(
  'eu-microcredentials',
  'annex-I-elements.json',
);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const achievementOf = (c: JsonObject) => (c.credentialSubject as JsonObject).achievement as JsonObject;

describe('buildAchievementCredential', () => {
  const credential = buildAchievementCredential(
    buildInput({
      status: statusListEntry({
        statusListCredential: 'https://platform.example/status/revocation/1',
        statusListIndex: 94_567,
        statusPurpose: 'revocation',
      }),
    }),
  );

  it('produces an OB 3.0 AchievementCredential of achievementType MicroCredential on VC 2.0', () => {
    expect(credential['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://issuance.alliance.example/contexts/microcredential/v2',
    ]);
    expect(credential.type).toEqual(['VerifiableCredential', 'AchievementCredential']);
    expect(achievementOf(credential).achievementType).toBe('MicroCredential');
    expect(credential.issuer).toMatchObject({
      id: 'did:web:uni-a.example',
      type: ['Profile'],
      address: { addressCountryCode: 'DE', addressRegion: 'Bavaria' },
    });
    expect(credential.validFrom).toBe('2025-06-30T10:00:00Z');
    expect(credential.validUntil).toBe('2030-06-30T10:00:00Z');
    expect(credential.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusListIndex: '94567' });
  });

  it('validates against the OB 3.0 AchievementCredential JSON schema', () => {
    expect(validateAchievementCredentialSchema(credential)).toEqual({ valid: true, errors: [] });
  });

  it('uses OB properties where they exist: name, description, criteria, creditsAvailable, ESCO alignment, result', () => {
    const a = achievementOf(credential);
    expect(a).toMatchObject({ name: 'Sustainable Energy Systems', creditsAvailable: 5, inLanguage: 'en', version: '3' });
    expect((a.criteria as JsonObject).narrative).toContain('Model the output of a photovoltaic installation');
    expect(a.alignment).toEqual([
      expect.objectContaining({ type: ['Alignment'], targetFramework: 'ESCO', targetUrl: definition().learningOutcomes[0].escoUri }),
    ]);
    expect((credential.credentialSubject as JsonObject).result).toEqual([
      { type: ['Result'], value: 'A', resultDescription: `${a.id as string}#grade` },
    ]);
  });

  it('carries all 11 mandatory Annex I elements, and the optional ones given', () => {
    expect(missingAnnexIElements(credential)).toEqual([]);
    const findings = findAnnexIElements(credential);
    expect(findings.filter((f) => f.mandatory && f.present)).toHaveLength(11);
    expect(findings.filter((f) => !f.mandatory && f.present).map((f) => f.key)).toEqual([
      'prerequisites',
      'supervision',
      'grade',
      'stackability',
      'furtherInformation',
    ]);
    expect(findings.find((f) => f.key === 'issuerCountry')?.value).toEqual(['DE', 'PT', 'FI']);
    expect(findings.find((f) => f.key === 'awardingBodies')?.value).toEqual([
      'did:web:uni-a.example',
      'did:web:uni-b.example',
      'did:web:uni-c.example',
    ]);
  });

  it('maps every element of the Annex I list in the vectors', () => {
    const ours = ANNEX_I_ELEMENTS.filter((e) => e.mandatory).map((e) => e.name);
    expect(ours).toHaveLength(annex.mandatory.length);
    for (const name of annex.mandatory) expect(ours.some((n) => name.startsWith(n))).toBe(true);
    const optional = ANNEX_I_ELEMENTS.filter((e) => !e.mandatory).map((e) => e.name);
    for (const name of annex.optional_where_relevant_non_exhaustive) expect(optional.some((n) => name.startsWith(n))).toBe(true);
  });

  it('expresses the level as an EQF URI and the workload as ECTS', () => {
    const a = achievementOf(credential);
    expect(a.eqfLevel).toBe('http://data.europa.eu/snb/eqf/7');
    expect(a.qfEheaCycle).toBe('second');
    expect(a.creditFramework).toBe('http://data.europa.eu/snb/education-credit/6fcec5c5af');
    for (let n = 1; n <= 8; n++) {
      const c = buildAchievementCredential(buildInput({ definition: definition({ eqfLevel: n as EqfLevel }) }));
      expect(achievementOf(c).eqfLevel).toBe(`http://data.europa.eu/snb/eqf/${n}`);
      expect(eqfLevelOfUri(eqfLevelUri(n as EqfLevel))).toBe(n);
    }
    expect(eqfLevelOfUri('http://data.europa.eu/snb/eqf/9')).toBeUndefined();
  });

  it('defines every term it uses, so RDF canonicalization in safe mode succeeds offline', async () => {
    const nquads = await canonicalizeRdf(credential, platformLoader);
    expect(nquads).toContain('<http://data.europa.eu/snb/eqf/7>');
    expect(nquads).toContain('<http://data.europa.eu/snb/model/elm/awardingBody> <did:web:uni-c.example>');
    expect(nquads).toContain('"MicroCredential"');
  });

  it('names the extension context where the issuing platform serves it, under the base it was given', () => {
    const elsewhere = buildAchievementCredential(buildInput({ contextBaseUrl: 'https://credentials.uni-a.example/alliance/' }));
    expect((elsewhere['@context'] as string[])[2]).toBe('https://credentials.uni-a.example/alliance/contexts/microcredential/v2');
    expect(() => buildAchievementCredential(buildInput({ contextBaseUrl: 'ftp://issuance.alliance.example' }))).toThrow(
      /must be an absolute http\(s\) URL/,
    );
    expect(CONTEXT_BASE_URL).toBe('https://issuance.alliance.example');
  });

  it('gives the Annex I elements the European Learning Model and schema.org IRIs where they exist, its own namespace elsewhere', async () => {
    const nquads = await canonicalizeRdf(credential, platformLoader);
    const achievement = `<${achievementOf(credential).id as string}>`;
    const elm = (term: string) => `http://data.europa.eu/snb/model/elm/${term}`;
    expect(nquads).toContain(`${achievement} <${elm('EQFLevel')}> <http://data.europa.eu/snb/eqf/7>`);
    expect(nquads).toContain(`${achievement} <${elm('framework')}> <http://data.europa.eu/snb/education-credit/6fcec5c5af>`);
    // Each outcome is itself the object of elm:learningOutcome (a set, as ELM has it), not a member of an RDF list.
    const outcomes = [
      ...nquads.matchAll(new RegExp(`^${escape(achievement)} <${escape(elm('learningOutcome'))}> (_:c14n\\d+) \\.$`, 'gm')),
    ].map((m) => m[1]);
    expect(outcomes).toHaveLength(2);
    for (const node of outcomes)
      expect(nquads).toContain(`${node} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${elm('LearningOutcome')}>`);
    expect(nquads).toContain(`<${elm('relatedESCOSkill')}> <${definition().learningOutcomes[0].escoUri!}>`);
    expect(nquads).toContain(`${achievement} <https://schema.org/courseMode> "blended"`);
    expect(nquads).toContain(
      `${achievement} <https://schema.org/coursePrerequisites> "A bachelor degree in engineering or natural sciences"`,
    );
    expect(nquads).toContain(`${achievement} <https://alliance-credentials.example/ns/microcredential#qfEheaCycle> "second"`);
  });

  const without = (mutate: (i: BuildCredentialInput) => void): BuildCredentialInput => {
    const input = structuredClone(buildInput());
    mutate(input);
    return input;
  };
  const d = (i: BuildCredentialInput) => i.definition as unknown as Record<string, unknown>;

  it.each<[AnnexIElementKey, (i: BuildCredentialInput) => void]>([
    ['learner', (i) => (i.learner.familyName = '')],
    ['title', (i) => delete d(i).title],
    ['issuerCountry', (i) => (i.definition.awardingBodies[1].countryCode = '')],
    ['awardingBodies', (i) => (i.definition.awardingBodies = [])],
    ['dateOfIssuing', (i) => (i.issuanceDate = 'not a date')],
    ['learningOutcomes', (i) => (i.definition.learningOutcomes = [])],
    ['workload', (i) => delete d(i).ectsCredits],
    ['level', (i) => (d(i).eqfLevel = 9)],
    ['assessmentType', (i) => delete d(i).assessmentType],
    ['participationForm', (i) => (d(i).participationForm = 'by correspondence')],
    ['qualityAssurance', (i) => delete d(i).qualityAssurance],
  ])('rejects a definition without the mandatory element %s, naming it', (key, mutate) => {
    const element = ANNEX_I_ELEMENTS.find((e) => e.key === key)!;
    let error: unknown;
    try {
      buildAchievementCredential(without(mutate));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingAnnexIElementError);
    expect((error as MissingAnnexIElementError).element.key).toBe(key);
    expect((error as Error).message).toContain(element.name);
  });

  it('rejects awarding bodies without exactly one lead', () => {
    expect(() => buildAchievementCredential(without((i) => (i.definition.awardingBodies[1].lead = true)))).toThrow(
      /exactly one awarding body must be the lead/,
    );
  });

  it('omits optional elements that are not given and still validates', () => {
    const minimal = buildAchievementCredential(
      without((i) => {
        for (const k of [
          'prerequisites',
          'supervision',
          'gradingScheme',
          'stackability',
          'furtherInformation',
          'qfEheaCycle',
          'validityMonths',
        ])
          delete d(i)[k];
        delete i.result;
        delete i.learner.did;
      }),
    );
    expect(findAnnexIElements(minimal).filter((f) => !f.mandatory && f.present)).toEqual([]);
    expect(missingAnnexIElements(minimal)).toEqual([]);
    expect(validateAchievementCredentialSchema(minimal).valid).toBe(true);
    expect((minimal.credentialSubject as JsonObject).id).toBeUndefined();
  });

  it('reports missing elements of a credential that was built elsewhere', () => {
    const stripped = structuredClone(credential);
    delete achievementOf(stripped).qualityAssurance;
    delete achievementOf(stripped).eqfLevel;
    expect(missingAnnexIElements(stripped).map((e) => e.key)).toEqual(['level', 'qualityAssurance']);
  });
});
