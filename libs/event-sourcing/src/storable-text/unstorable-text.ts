/**
 * Why a string cannot be stored and projected: PostgreSQL `text` and `jsonb` hold no NUL character, and
 * JSON (RFC 8259 section 8.1) and PostgreSQL need well-formed Unicode, so an unpaired UTF-16 surrogate
 * has no faithful form in either.
 */
export type UnstorableReason = 'nul' | 'lone-surrogate';

/** Where the first unstorable string of a value is: a dotted path (`data.items[0].name`), and whether it is a key. */
export interface UnstorableText {
  path: string;
  reason: UnstorableReason;
  /** The member name itself is unstorable, not its value. */
  key: boolean;
}

export const UNSTORABLE_REASONS: Record<UnstorableReason, string> = {
  nul: 'contains the NUL character (U+0000)',
  'lone-surrogate': 'contains an unpaired UTF-16 surrogate (not well-formed Unicode)',
};

// One pass finds every candidate; only strings that match pay for the precise checks.
const SUSPECT = /[\u0000\ud800-\udfff]/;

export function unstorableReason(text: string): UnstorableReason | undefined {
  if (!SUSPECT.test(text)) return undefined;
  if (text.includes('\u0000')) return 'nul';
  return text.isWellFormed() ? undefined : 'lone-surrogate';
}

/** Does any string or member name inside `value` fail `unstorableReason`? Iterative: depth cannot overflow the stack. */
export function hasUnstorableText(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (unstorableReason(next)) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
    } else if (next !== null && typeof next === 'object') {
      for (const key of Object.keys(next)) {
        if (unstorableReason(key)) return true;
        pending.push((next as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}

/** The first unstorable string inside `value`, with its path below `root`; undefined when there is none. */
export function findUnstorableText(value: unknown, root: string): UnstorableText | undefined {
  if (!hasUnstorableText(value)) return undefined;
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length > 0) {
    const [next, path] = pending.pop()!;
    if (typeof next === 'string') {
      const reason = unstorableReason(next);
      if (reason) return { path, reason, key: false };
    } else if (Array.isArray(next)) {
      for (let i = next.length - 1; i >= 0; i--) pending.push([next[i], `${path}[${i}]`]);
    } else if (next !== null && typeof next === 'object') {
      const keys = Object.keys(next);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const member = path ? `${path}.${key}` : key;
        const reason = unstorableReason(key);
        if (reason) return { path: member, reason, key: true };
        pending.push([(next as Record<string, unknown>)[key], member]);
      }
    }
  }
  return undefined;
}
