import { assessmentDate } from './assessment-date';

const now = new Date('2026-06-15T10:00:00.000Z');

describe('assessment date', () => {
  it('accepts a past date and today', () => {
    expect(assessmentDate('2026-06-01', now)).toBe('2026-06-01');
    expect(assessmentDate('2026-06-15', now)).toBe('2026-06-15');
  });
  it('accepts tomorrow only where it already is tomorrow (UTC+14)', () => {
    expect(assessmentDate('2026-06-16', now)).toBe('2026-06-16');
    expect(() => assessmentDate('2026-06-17', now)).toThrow(
      expect.objectContaining({ code: 'assessment.assessment-date-in-future', field: 'assessedOn' }),
    );
  });
  it.each(['2026-02-30', '15/06/2026', '', undefined, '2026-6-1'])('refuses %p as not a calendar date', (raw) => {
    expect(() => assessmentDate(raw, now)).toThrow(expect.objectContaining({ code: 'assessment.assessment-date-invalid' }));
  });
});
