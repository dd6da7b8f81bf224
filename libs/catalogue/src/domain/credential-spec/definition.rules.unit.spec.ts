import type { CredentialSpecDefinition } from './definition';
import { definitionViolations } from './definition.rules';
import { sustainableEnergyDefinition } from '../__fixtures__/definition.fixture';
import { AAU, DCU } from '../__fixtures__/members.fixture';

const rulesOf = (d: CredentialSpecDefinition) => definitionViolations(d).map((v) => `${v.field}:${v.rule}`);
const without = (key: keyof CredentialSpecDefinition) => {
  const d = sustainableEnergyDefinition() as unknown as Record<string, unknown>;
  delete d[key];
  return d as unknown as CredentialSpecDefinition;
};

describe('definition rules (Annex I and composition)', () => {
  it('accepts a complete joint definition', () => {
    expect(definitionViolations(sustainableEnergyDefinition())).toEqual([]);
  });

  it.each([
    ['title', 'title:annex-i.required'],
    ['learningOutcomes', 'learningOutcomes:annex-i.learning-outcomes'],
    ['ects', 'ects:annex-i.ects-range'],
    ['eqfLevel', 'eqfLevel:annex-i.eqf-level-range'],
    ['assessmentType', 'assessmentType:annex-i.required'],
    ['formOfParticipation', 'formOfParticipation:annex-i.required'],
    ['qualityAssurance', 'qualityAssurance:annex-i.quality-assurance'],
    ['awardingBodies', 'awardingBodies:awarding-bodies.too-few'],
    ['languages', 'languages:definition.languages'],
    ['issuanceRule', 'issuanceRule:annex-i.required'],
  ] as const)('names a missing %s', (key, expected) => {
    expect(rulesOf(without(key))).toContain(expected);
  });

  it('names out-of-range elements', () => {
    const rules = rulesOf(
      sustainableEnergyDefinition({
        eqfLevel: 9,
        ects: -1,
        formOfParticipation: 'hybrid' as never,
        qfEheaCycle: 'first-cycle',
        validityMonths: 0,
        learningOutcomes: [{ description: 'ok outcome', escoSkillUri: 'https://example.com/skill' }],
        supervisionAndIdentityVerification: 'proctored' as never,
        languages: ['English'],
      }),
    );
    expect(rules).toEqual(
      expect.arrayContaining([
        'eqfLevel:annex-i.eqf-level-range',
        'ects:annex-i.ects-range',
        'formOfParticipation:annex-i.form-of-participation',
        'validityMonths:definition.validity-range',
        'learningOutcomes[0].escoSkillUri:annex-i.esco-uri',
        'supervisionAndIdentityVerification:annex-i.supervision',
        'languages[0]:definition.language-tag',
      ]),
    );
  });

  it('ties the QF-EHEA cycle to its EQF level', () => {
    expect(rulesOf(sustainableEnergyDefinition({ qfEheaCycle: 'first-cycle' }))).toEqual(['qfEheaCycle:annex-i.qf-ehea-cycle-level']);
  });

  it('needs two or more awarding bodies, exactly one lead, no repeats', () => {
    expect(rulesOf(sustainableEnergyDefinition({ awardingBodies: [{ institutionId: AAU, lead: true }] }))).toContain(
      'awardingBodies:awarding-bodies.too-few',
    );
    const twoLeads = sustainableEnergyDefinition({
      awardingBodies: [
        { institutionId: AAU, lead: true },
        { institutionId: DCU, lead: true },
      ],
    });
    expect(rulesOf(twoLeads)).toContain('awardingBodies:awarding-bodies.one-lead');
    const repeated = sustainableEnergyDefinition({
      awardingBodies: [
        { institutionId: AAU, lead: true },
        { institutionId: AAU, lead: false },
      ],
    });
    expect(rulesOf(repeated)).toContain('awardingBodies[1].institutionId:awarding-bodies.duplicate');
  });

  it('refuses a component owned by an institution that is not an awarding body', () => {
    const d = sustainableEnergyDefinition();
    d.components[2] = { ...d.components[2], institutionId: 'someone-else' };
    expect(rulesOf(d)).toContain('components[2].institutionId:component.owner-not-awarding-body');
  });

  it('refuses components whose ECTS do not add up to the credential', () => {
    expect(rulesOf(sustainableEnergyDefinition({ ects: 7.5 }))).toEqual(['ects:ects.total-mismatch']);
    const d = sustainableEnergyDefinition({ ects: 5.25 });
    d.components = d.components.map((c, i) => ({ ...c, ects: [1.75, 1.75, 1.75][i] }));
    expect(rulesOf(d)).toEqual([]);
  });

  it('refuses duplicate component codes and zero shares', () => {
    const d = sustainableEnergyDefinition();
    d.components[1] = { ...d.components[1], code: d.components[0].code, ects: 0 };
    expect(rulesOf(d)).toEqual(
      expect.arrayContaining(['components[1].code:component.code-duplicate', 'components[1].ects:component.ects-range']),
    );
  });

  it('keeps the issuance rule decidable on the grading scheme', () => {
    expect(rulesOf(sustainableEnergyDefinition({ issuanceRule: { allComponentsPassed: true, minimumGrade: 7 } }))).toEqual([
      'issuanceRule.minimumGrade:issuance-rule.minimum-grade-scheme',
    ]);
    const numeric = { type: 'numeric', minimum: 0, maximum: 12, passMark: 2 } as const;
    expect(
      rulesOf(sustainableEnergyDefinition({ gradingScheme: numeric, issuanceRule: { allComponentsPassed: true, minimumGrade: 7 } })),
    ).toEqual([]);
    expect(
      rulesOf(sustainableEnergyDefinition({ gradingScheme: numeric, issuanceRule: { allComponentsPassed: true, minimumGrade: 13 } })),
    ).toEqual(['issuanceRule.minimumGrade:issuance-rule.minimum-grade-range']);
    expect(rulesOf(sustainableEnergyDefinition({ issuanceRule: { allComponentsPassed: false } }))).toEqual([
      'issuanceRule.allComponentsPassed:issuance-rule.components-not-required',
    ]);
    const letters = { type: 'letter' as const, letters: ['A', 'B', 'C', 'D', 'E', 'F'], lowestPassingLetter: 'E' };
    expect(
      rulesOf(sustainableEnergyDefinition({ gradingScheme: letters, issuanceRule: { allComponentsPassed: true, minimumGrade: 'C' } })),
    ).toEqual([]);
    expect(
      rulesOf(sustainableEnergyDefinition({ gradingScheme: letters, issuanceRule: { allComponentsPassed: true, minimumGrade: 'F' } })),
    ).toEqual(['issuanceRule.minimumGrade:issuance-rule.minimum-grade-range']);
  });
});
