import { jointGrades, jointSpec, letterSpec, passFailSpec } from '../../domain/__fixtures__/specs.fixture';
import { overallGrade } from './achieved-grade';

describe('the grade a joint credential shows', () => {
  it('numeric: the ECTS-weighted mean, to one decimal', () => {
    const spec = { ...jointSpec, components: [jointSpec.components[0], { ...jointSpec.components[1], ects: 6 }] };
    expect(overallGrade(spec, jointGrades(9, 6)).grade).toBe('7');
    expect(overallGrade(jointSpec, jointGrades(8, 7)).grade).toBe('7.5');
  });

  it('letter: the lowest letter', () => {
    expect(overallGrade(letterSpec, jointGrades('A', 'C'))).toMatchObject({ grade: 'C', scheme: { resultType: 'LetterGrade' } });
  });

  it('pass-fail: Passed; no grades (a stack): none', () => {
    expect(overallGrade(passFailSpec, jointGrades('', ''))).toMatchObject({ grade: 'Passed' });
    expect(overallGrade(jointSpec, [])).toEqual({});
  });
});
