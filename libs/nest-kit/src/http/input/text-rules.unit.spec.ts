import { checkText, checkTextTree, textProblem, type TextRules } from './text-rules';

const freeText: TextRules = { maxLength: 20, allowLineBreaks: true, normalize: true };
const parameter: TextRules = { maxLength: 100, allowLineBreaks: false, normalize: true };
const keys: TextRules = { maxLength: 40, allowLineBreaks: false, normalize: false };

describe('text rules at the edge', () => {
  it.each([
    ['plain text', 'Aalborg University', undefined],
    ['tab, line feed and carriage return in free text', 'line 1\r\n\tline 2', undefined],
    ['emoji and accents', 'Université 🎓', undefined],
    ['a NUL', 'Dr\u0000X', /NUL character/],
    ['another C0 control', 'bell\u0007', /control characters other than tab/],
    ['escape', '\u001b[31m', /control characters/],
    ['a lone high surrogate', 'x\ud800', /unpaired UTF-16 surrogate/],
    ['a lone low surrogate', '\udc00x', /unpaired UTF-16 surrogate/],
    ['an over-long string', 'x'.repeat(21), /at most 20 characters/],
  ])('free text, %s', (_, text, problem) => {
    const found = textProblem(text, freeText);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });

  it('refuses every control character in a path or query value, line breaks included', () => {
    expect(textProblem('a\nb', parameter)).toMatch(/must not contain control characters/);
    expect(textProblem('a\tb', parameter)).toMatch(/must not contain control characters/);
    expect(textProblem('01920000-0000-7000-8000-00000000000a', parameter)).toBeUndefined();
  });

  it('normalises to NFC, and leaves text alone when asked to keep it verbatim', () => {
    expect(checkText('Unive\u0301rsite\u0301', 'name', freeText)).toEqual({ value: 'Univ\u00e9rsit\u00e9' });
    expect(checkText('e\u0301', 'name', { ...freeText, normalize: false })).toEqual({ value: 'e\u0301' });
    expect(checkText('a\u0000', 'legalName', freeText)).toEqual({
      error: { field: 'legalName', message: 'legalName must not contain the NUL character (U+0000)' },
    });
  });

  it('checks a whole body: every string by its path, normalised in place, forbidden and unstorable member names refused', () => {
    const body = JSON.parse(
      '{"title":"Cafe\\u0301","consent":{"textVersion":"v1\\u0000"},"items":[{"ok":"x"},{"assessor":"\\ud800"}],"__proto__":{"admin":true},"nested":{"constructor":1},"k\\u0001":2}',
    ) as Record<string, unknown>;
    const errors = checkTextTree(body, 'body', freeText, keys);
    expect(errors.map((e) => e.field).sort()).toEqual(
      ['', '__proto__', 'consent.textVersion', 'items[1].assessor', 'nested.constructor'].map((f) => f || 'body').sort(),
    );
    expect(errors.find((e) => e.field === 'body')?.message).toMatch(/member name that must not contain control characters/);
    expect(body['title']).toBe('Caf\u00e9');
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });

  it('reports at most the errors asked for', () => {
    const body = { list: Array.from({ length: 50 }, () => '\u0000') };
    expect(checkTextTree(body, 'body', freeText, keys, 20)).toHaveLength(20);
  });
});
