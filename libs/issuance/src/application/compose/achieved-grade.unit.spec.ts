import { jointSpec, letterSpec, passFailSpec, UNI_A, UNI_B } from '../../domain/__fixtures__/specs.fixture';
import { overallGrade } from './achieved-grade';

const g = (a: number | string, b: number | string) => [
  { componentCode: 'SES-1', institutionId: UNI_A, grade: a },
  { componentCode: 'SES-2', institutionId: UNI_B, grade: b },
];

describe('the grade a joint credential shows', () => {
  it('numeric: the ECTS-weighted mean, to one decimal', () => {
    const spec = { ...jointSpec, components: [jointSpec.components[0], { ...jointSpec.components[1], ects: 6 }] };
    expect(overallGrade(spec, g(9, 6)).grade).toBe('7');
    expect(overallGrade(jointSpec, g(8, 7)).grade).toBe('7.5');
  });

  it('letter: the lowest letter', () => {
    expect(overallGrade(letterSpec, g('A', 'C'))).toMatchObject({ grade: 'C', scheme: { resultType: 'LetterGrade' } });
  });

  it('pass-fail: Passed; no grades (a stack): none', () => {
    expect(overallGrade(passFailSpec, g('', ''))).toMatchObject({ grade: 'Passed' });
    expect(overallGrade(jointSpec, [])).toEqual({});
  });
});
