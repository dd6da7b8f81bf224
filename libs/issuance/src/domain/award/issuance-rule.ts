import type { SpecSnapshot } from '../knowledge/spec-snapshot';
import type { AwardInputs } from './award-inputs';
import { addMonths, reachesGrade } from './grade-scale';

/** Why the rule is not met (yet): one entry per failing condition, so a learner's record can explain it. */
export type UnmetCondition =
  | { rule: 'result-missing'; componentCode: string }
  | { rule: 'component-failed'; componentCode: string }
  | { rule: 'grade-below-minimum'; componentCode: string; grade?: number | string; minimum: number | string }
  | { rule: 'passed-after-deadline'; componentCode: string; assessedAt: string; deadline: string }
  | { rule: 'stack-part-missing'; specId: string };

/** Grades as they go on the credential (Annex I "grade achieved"), one per component, in definition order. */
export interface AchievedGrade {
  componentCode: string;
  institutionId: string;
  grade?: number | string;
}

export type RuleOutcome = { met: true; grades: AchievedGrade[]; partCredentialIds: string[] } | { met: false; unmet: UnmetCondition[] };

/**
 * Evaluates a definition's issuance rule on what the learner achieved. Pure: the same inputs always give the
 * same outcome, which is what lets an amended result be compared with the outcome that was awarded.
 */
export function evaluateIssuanceRule(
  spec: Pick<SpecSnapshot, 'components' | 'issuanceRule' | 'gradingScheme' | 'stackParts'>,
  inputs: AwardInputs,
): RuleOutcome {
  const rule = spec.issuanceRule;
  const unmet: UnmetCondition[] = [];
  const deadline = rule.withinMonths !== undefined && inputs.enrolledAt ? addMonths(inputs.enrolledAt, rule.withinMonths) : undefined;
  const componentsRequired = rule.allComponentsPassed || spec.components.length > 0;
  if (componentsRequired) {
    for (const c of spec.components) {
      const r = inputs.results[c.code];
      if (!r) unmet.push({ rule: 'result-missing', componentCode: c.code });
      else if (!r.passed) unmet.push({ rule: 'component-failed', componentCode: c.code });
      else {
        if (rule.minimumGrade !== undefined && !reachesGrade(r.grade, rule.minimumGrade, spec.gradingScheme)) {
          unmet.push({
            rule: 'grade-below-minimum',
            componentCode: c.code,
            ...(r.grade !== undefined ? { grade: r.grade } : {}),
            minimum: rule.minimumGrade,
          });
        }
        if (deadline && Date.parse(r.assessedAt) > Date.parse(deadline)) {
          unmet.push({ rule: 'passed-after-deadline', componentCode: c.code, assessedAt: r.assessedAt, deadline });
        }
      }
    }
  }
  const parts = spec.stackParts ?? [];
  if (rule.allStackPartsAwarded || parts.length > 0) {
    for (const p of parts) if (!inputs.parts[p.credentialSpecId]) unmet.push({ rule: 'stack-part-missing', specId: p.credentialSpecId });
  }
  if (unmet.length > 0) return { met: false, unmet };
  return {
    met: true,
    grades: spec.components.map((c) => {
      const r = inputs.results[c.code]!;
      return { componentCode: c.code, institutionId: r.institutionId, ...(r.grade !== undefined ? { grade: r.grade } : {}) };
    }),
    partCredentialIds: parts.map((p) => inputs.parts[p.credentialSpecId]!.credentialId),
  };
}

/** Two met outcomes differ when the credential would say something different: a grade, or a part it rests on. */
export function sameAward(a: { grades: AchievedGrade[] }, b: { grades: AchievedGrade[] }): boolean {
  if (a.grades.length !== b.grades.length) return false;
  return a.grades.every(
    (g, i) => g.componentCode === b.grades[i].componentCode && String(g.grade ?? '') === String(b.grades[i].grade ?? ''),
  );
}
