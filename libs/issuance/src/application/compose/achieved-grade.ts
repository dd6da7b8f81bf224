import type { AchievedGrade } from '../../domain/award/issuance-rule';
import type { SpecSnapshot } from '../../domain/knowledge/spec-snapshot';

/**
 * The one grade a joint credential shows (Annex I "grade achieved"): on a numeric scale the ECTS-weighted
 * mean of the components, on a letter scale the lowest letter any component got, otherwise "Passed".
 * Components' own grades stay in the issuance record.
 */
export function overallGrade(
  spec: Pick<SpecSnapshot, 'components' | 'gradingScheme'>,
  grades: AchievedGrade[],
): { grade?: string; scheme?: { name: string; resultType: string; allowedValues?: string[] } } {
  const scheme = spec.gradingScheme;
  if (grades.length === 0 || !scheme) return {};
  if (scheme.type === 'numeric') {
    const weighted = grades.map((g) => ({
      value: Number(g.grade),
      ects: spec.components.find((c) => c.code === g.componentCode)?.ects ?? 0,
    }));
    const total = weighted.reduce((sum, w) => sum + w.ects, 0);
    if (total === 0 || weighted.some((w) => !Number.isFinite(w.value))) return {};
    const mean = weighted.reduce((sum, w) => sum + w.value * w.ects, 0) / total;
    return {
      grade: (Math.round(mean * 10) / 10).toString(),
      scheme: {
        name: `ECTS-weighted mean of the component grades on the scale ${scheme.minimum ?? 0}-${scheme.maximum ?? ''}`.trim(),
        resultType: 'GradePointAverage',
      },
    };
  }
  if (scheme.type === 'letter') {
    const letters = scheme.letters ?? [];
    const positions = grades.map((g) => letters.indexOf(String(g.grade)));
    if (positions.some((p) => p < 0)) return {};
    return {
      grade: letters[Math.max(...positions)],
      scheme: { name: 'Lowest component grade', resultType: 'LetterGrade', allowedValues: letters },
    };
  }
  return { grade: 'Passed', scheme: { name: 'Pass or fail', resultType: 'Status', allowedValues: ['Passed'] } };
}
