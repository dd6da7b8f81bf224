import type { FieldError } from '../../errors/request-validation.error';

/** Member names no request body may carry: they reach prototypes when code copies or merges the body. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface TextRules {
  /** Longest string, in UTF-16 code units as JavaScript counts them; undefined: no limit. */
  maxLength?: number;
  /** Tab, line feed and carriage return are allowed (free text); otherwise every C0 control is refused. */
  allowLineBreaks: boolean;
  /** Normalise to NFC (Unicode canonical composition), so equal text is stored and compared as equal bytes. */
  normalize: boolean;
}

// C0 controls (U+0000 to U+001F) except tab, LF and CR; then the same with those three.
const CONTROLS_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const ALL_CONTROLS = /[\u0000-\u001f]/;
// Only strings with a character outside printable ASCII can fail a rule or change under NFC.
const NOT_PLAIN = /[^\u0020-\u007e]/;

/** Why `text` breaks the rules (a sentence fragment after the field's name), or undefined. */
export function textProblem(text: string, rules: TextRules): string | undefined {
  if (rules.maxLength !== undefined && text.length > rules.maxLength) return `must be at most ${rules.maxLength} characters long`;
  if (!NOT_PLAIN.test(text)) return undefined;
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if ((rules.allowLineBreaks ? CONTROLS_EXCEPT_LINE_BREAKS : ALL_CONTROLS).test(text)) {
    return rules.allowLineBreaks
      ? 'must not contain control characters other than tab, line feed and carriage return'
      : 'must not contain control characters';
  }
  if (!text.isWellFormed()) return 'must be well-formed Unicode (it contains an unpaired UTF-16 surrogate)';
  return undefined;
}

function normalized(text: string, rules: TextRules): string {
  return rules.normalize && NOT_PLAIN.test(text) ? text.normalize('NFC') : text;
}

/** Where a value sits, as the problem+json `errors[].field` names it: `consent.textVersion`, `items[2].name`. */
function fieldOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Checks every string and member name inside a parsed JSON object or array (or a query object) against the
 * rules, and normalises the strings in place. Returns the fields that break a rule, at most `maxErrors` of them.
 * Iterative, so even a value deeper than the parser allowed cannot overflow the stack.
 */
export function checkTextTree(root: unknown, rootField: string, rules: TextRules, keyRules: TextRules, maxErrors = 20): FieldError[] {
  const errors: FieldError[] = [];
  const report = (field: string, message: string) =>
    errors.length < maxErrors && errors.push({ field: field || rootField, message: `${field || rootField} ${message}` });
  const pending: { container: Record<string, unknown> | unknown[]; field: string }[] = [];
  if (root !== null && typeof root === 'object') pending.push({ container: root as Record<string, unknown>, field: '' });
  while (pending.length > 0 && errors.length < maxErrors) {
    const { container, field } = pending.pop()!;
    const entries: [string | number, unknown][] = Array.isArray(container)
      ? container.map((v, i) => [i, v])
      : Object.keys(container).map((k) => [k, container[k]]);
    for (const [key, value] of entries) {
      const member = fieldOf(field, key);
      if (typeof key === 'string') {
        if (FORBIDDEN_KEYS.has(key)) {
          report(member, `is not allowed: "${key}" is never a field name`);
          continue;
        }
        const keyProblem = textProblem(key, keyRules);
        if (keyProblem) {
          report(field, `has a member name that ${keyProblem}`);
          continue;
        }
      }
      if (typeof value === 'string') {
        const problem = textProblem(value, rules);
        if (problem) report(member, problem);
        else {
          const text = normalized(value, rules);
          if (text !== value) (container as Record<string | number, unknown>)[key] = text;
        }
      } else if (value !== null && typeof value === 'object') {
        pending.push({ container: value as Record<string, unknown>, field: member });
      }
    }
  }
  return errors;
}

/** The string itself when it breaks no rule (normalised), or the problem with it. */
export function checkText(text: string, field: string, rules: TextRules): { value: string } | { error: FieldError } {
  const problem = textProblem(text, rules);
  return problem ? { error: { field, message: `${field} ${problem}` } } : { value: normalized(text, rules) };
}
