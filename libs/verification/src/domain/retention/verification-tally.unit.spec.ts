import { VerificationTally } from './verification-tally';

const at = (day: string, time = '10:00:00.000') => `${day}T${time}Z`;

describe('VerificationTally', () => {
  it('records the first check of a day per credential and verdict, and only counts the repeats', () => {
    const tally = new VerificationTally({ dailyRecords: 100 });
    const check = { at: at('2026-03-01'), verdict: 'valid' as const, subject: 'urn:uuid:a', credentialId: 'c-1' };
    expect(tally.admit(check)).toBe('record');
    expect(tally.admit(check)).toBe('counted');
    expect(tally.admit({ ...check, verdict: 'invalid' })).toBe('record');
    expect(tally.admit({ ...check, at: at('2026-03-02') })).toBe('record');
  });

  it('counts per day, verdict and credential issued here, foreign credentials without their id', () => {
    const tally = new VerificationTally({ dailyRecords: 0 });
    for (let i = 0; i < 200; i++)
      tally.admit({
        at: at('2026-03-01', `10:00:${String(i % 60).padStart(2, '0')}.000`),
        verdict: 'valid',
        subject: 'urn:uuid:a',
        credentialId: 'c-1',
      });
    for (let i = 0; i < 50; i++) tally.admit({ at: at('2026-03-01', '11:00:00.000'), verdict: 'invalid', subject: `urn:forged:${i}` });
    const drained = tally.drain();
    expect(drained?.counts).toEqual([
      { day: '2026-03-01', verdict: 'valid', credentialId: 'c-1', count: 200 },
      { day: '2026-03-01', verdict: 'invalid', count: 50 },
    ]);
    expect(drained).toMatchObject({ from: at('2026-03-01'), to: at('2026-03-01', '11:00:00.000') });
    expect(tally.drain()).toBeUndefined();
  });

  it('records at most dailyRecords checks a day, however many distinct documents are presented', () => {
    const tally = new VerificationTally({ dailyRecords: 3 });
    const outcomes = Array.from({ length: 1000 }, (_, i) =>
      tally.admit({ at: at('2026-03-01'), verdict: 'invalid', subject: `urn:forged:${i}` }),
    );
    expect(outcomes.filter((o) => o === 'record')).toHaveLength(3);
    expect(tally.drain()?.counts).toEqual([{ day: '2026-03-01', verdict: 'invalid', count: 997 }]);
    expect(tally.admit({ at: at('2026-03-02'), verdict: 'invalid', subject: 'urn:forged:0' })).toBe('record');
  });

  it('keeps counts a failed flush drained, for the next one', () => {
    const tally = new VerificationTally({ dailyRecords: 0 });
    tally.admit({ at: at('2026-03-01'), verdict: 'valid', credentialId: 'c-1' });
    const lost = tally.drain()!;
    tally.admit({ at: at('2026-03-01', '12:00:00.000'), verdict: 'valid', credentialId: 'c-1' });
    tally.restore(lost);
    expect(tally.drain()).toEqual({
      from: at('2026-03-01'),
      to: at('2026-03-01', '12:00:00.000'),
      counts: [{ day: '2026-03-01', verdict: 'valid', credentialId: 'c-1', count: 2 }],
    });
  });
});
