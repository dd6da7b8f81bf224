import { findUnstorableText, hasUnstorableText, unstorableReason } from './unstorable-text';

describe('text a read model cannot hold', () => {
  it.each([
    ['plain ASCII', 'Aalborg University', undefined],
    ['tab, newline and other controls (PostgreSQL holds them)', 'a\tb\nc\u0001', undefined],
    ['a well-formed surrogate pair (an emoji)', 'grade 🎓', undefined],
    ['combining marks, unnormalised', 'e\u0301', undefined],
    ['a NUL', 'Dr\u0000X', 'nul'],
    ['a lone high surrogate', 'x\ud83c', 'lone-surrogate'],
    ['a lone low surrogate', '\udf93x', 'lone-surrogate'],
    ['pairs in the wrong order', '\udf93\ud83c', 'lone-surrogate'],
  ])('%s: %s', (_, text, reason) => {
    expect(unstorableReason(text)).toBe(reason);
  });

  it('finds the first unstorable string of a value with its path, in values and member names', () => {
    expect(findUnstorableText({ a: 'fine', list: ['ok', { assessor: 'Dr\u0000X' }] }, 'data')).toEqual({
      path: 'data.list[1].assessor',
      reason: 'nul',
      key: false,
    });
    expect(findUnstorableText({ ['na\ud800me']: 'x' }, 'data')).toEqual({ path: 'data.na\ud800me', reason: 'lone-surrogate', key: true });
    expect(findUnstorableText('top\u0000', 'type')).toEqual({ path: 'type', reason: 'nul', key: false });
    expect(findUnstorableText({ n: 1, b: true, none: null, when: new Date(0), s: 'ok' }, 'data')).toBeUndefined();
  });

  it('walks a value nested 100,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(hasUnstorableText(deep)).toBe(true);
    expect(findUnstorableText(deep, '')?.reason).toBe('nul');
  });
});
