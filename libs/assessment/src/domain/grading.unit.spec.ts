import { gradeOnScheme } from './grading';

const numeric = { type: 'numeric' as const, minimum: 0, maximum: 100, passMark: 50 };
const letters = { type: 'letter' as const, letters: ['A', 'B', 'C', 'D', 'E', 'F'], lowestPassingLetter: 'E' };

describe('grades on the definition scheme', () => {
  it('pass/fail: reads pass and fail, any case', () => {
    expect(gradeOnScheme('PASS')).toEqual({ grade: 'pass', passed: true });
    expect(gradeOnScheme('fail', { type: 'pass-fail' })).toEqual({ grade: 'fail', passed: false });
  });

  it('numeric: the pass mark itself passes, below fails, CSV text is read as a number', () => {
    expect(gradeOnScheme(50, numeric)).toEqual({ grade: 50, passed: true });
    expect(gradeOnScheme('49.5', numeric)).toEqual({ grade: 49.5, passed: false });
  });

  it('letter: the lowest passing letter passes, the next fails, case is normalised', () => {
    expect(gradeOnScheme('e', letters)).toEqual({ grade: 'E', passed: true });
    expect(gradeOnScheme('F', letters)).toEqual({ grade: 'F', passed: false });
  });

  it.each([
    ['numeric above the scale', 101, numeric],
    ['numeric below the scale', -1, numeric],
    ['numeric text that is not a number', '7O', numeric],
    ['a letter not on the scale', 'A+', letters],
    ['a number on a pass/fail scheme', 1, { type: 'pass-fail' as const }],
  ])('refuses %s, naming the scheme', (_name, raw, scheme) => {
    expect(() => gradeOnScheme(raw, scheme)).toThrow(
      expect.objectContaining({ code: 'assessment.grade-outside-scheme', field: 'grade', status: 422 }),
    );
  });

  it('requires a grade', () => {
    expect(() => gradeOnScheme('  ', numeric)).toThrow(expect.objectContaining({ code: 'assessment.grade-missing' }));
  });
});
