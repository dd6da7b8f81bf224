import { violation, type Violation } from '../catalogue.exception';
import { type CredentialSpecDefinition, type GradingScheme, GRADING_TYPES } from './definition';

export function gradingViolations(g: GradingScheme): Violation[] {
  const out: Violation[] = [];
  if (!GRADING_TYPES.includes(g?.type)) {
    return [violation('gradingScheme.type', 'grading.type', `gradingScheme.type must be one of ${GRADING_TYPES.join(', ')}`)];
  }
  if (g.type === 'numeric') {
    const { minimum, maximum, passMark } = g;
    if (typeof minimum !== 'number' || typeof maximum !== 'number' || !(minimum < maximum)) {
      out.push(violation('gradingScheme.maximum', 'grading.numeric-scale', 'a numeric scheme needs minimum < maximum'));
    } else if (typeof passMark !== 'number' || passMark < minimum || passMark > maximum) {
      out.push(violation('gradingScheme.passMark', 'grading.pass-mark', 'passMark must lie on the scale'));
    }
  }
  if (g.type === 'letter') {
    const letters = g.letters;
    if (
      !Array.isArray(letters) ||
      letters.length < 2 ||
      new Set(letters).size !== letters.length ||
      letters.some((l) => typeof l !== 'string' || !l)
    ) {
      out.push(violation('gradingScheme.letters', 'grading.letters', 'a letter scheme lists two or more distinct grades, best first'));
    } else if (g.lowestPassingLetter === undefined || !letters.includes(g.lowestPassingLetter)) {
      out.push(
        violation('gradingScheme.lowestPassingLetter', 'grading.lowest-passing-letter', 'lowestPassingLetter must be one of the letters'),
      );
    }
  }
  return out;
}

/** The issuance rule must be decidable on the data the definition gives: its grades, components and parts. */
export function issuanceRuleViolations(d: CredentialSpecDefinition): Violation[] {
  const r = d.issuanceRule;
  if (!r || typeof r !== 'object') return [violation('issuanceRule', 'annex-i.required', 'issuanceRule is required')];
  const out: Violation[] = [];
  const hasComponents = Array.isArray(d.components) && d.components.length > 0;
  const hasParts = Array.isArray(d.stackParts) && d.stackParts.length > 0;
  if (typeof r.allComponentsPassed !== 'boolean') {
    out.push(
      violation('issuanceRule.allComponentsPassed', 'issuance-rule.all-components-passed', 'allComponentsPassed must be true or false'),
    );
  } else if (hasComponents && !r.allComponentsPassed) {
    out.push(
      violation(
        'issuanceRule.allComponentsPassed',
        'issuance-rule.components-not-required',
        'with components, every component must be passed',
      ),
    );
  }
  if (hasParts && r.allStackPartsAwarded !== true) {
    out.push(
      violation(
        'issuanceRule.allStackPartsAwarded',
        'issuance-rule.stack-parts-required',
        'a stack is awarded only when all its parts were awarded',
      ),
    );
  }
  if (!hasParts && r.allStackPartsAwarded === true) {
    out.push(violation('issuanceRule.allStackPartsAwarded', 'issuance-rule.no-stack-parts', 'the definition has no stack parts'));
  }
  if (r.withinMonths !== undefined && !(Number.isInteger(r.withinMonths) && r.withinMonths >= 1 && r.withinMonths <= 120)) {
    out.push(violation('issuanceRule.withinMonths', 'issuance-rule.within-months-range', 'withinMonths must be an integer from 1 to 120'));
  }
  if (r.minimumGrade !== undefined) out.push(...minimumGradeViolations(r.minimumGrade, d.gradingScheme));
  return out;
}

function minimumGradeViolations(minimum: number | string, g: GradingScheme | undefined): Violation[] {
  const field = 'issuanceRule.minimumGrade';
  if (!g || g.type === 'pass-fail') {
    return [violation(field, 'issuance-rule.minimum-grade-scheme', 'a minimum grade needs a numeric or letter gradingScheme')];
  }
  if (g.type === 'numeric') {
    const ok =
      typeof minimum === 'number' &&
      typeof g.passMark === 'number' &&
      typeof g.maximum === 'number' &&
      minimum >= g.passMark &&
      minimum <= g.maximum;
    return ok
      ? []
      : [violation(field, 'issuance-rule.minimum-grade-range', 'minimumGrade must lie between the pass mark and the maximum of the scale')];
  }
  const letters = g.letters ?? [];
  const ok =
    typeof minimum === 'string' && letters.includes(minimum) && letters.indexOf(minimum) <= letters.indexOf(g.lowestPassingLetter ?? '');
  return ok ? [] : [violation(field, 'issuance-rule.minimum-grade-range', 'minimumGrade must be a passing letter of the scheme')];
}
