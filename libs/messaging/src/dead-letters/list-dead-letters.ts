import { HEADER } from '../codec/wire-record';
import type { DeadLetter, DeadLetterFilter, DeadLetterQueue } from './dead-letter';

/** One line of the operator's listing. */
export interface DeadLetterSummary {
  id: string;
  group: string;
  type: string;
  eventId: string;
  key: string;
  reason: string;
  attempts: number;
  failedAt: string;
  replayedAt?: string;
}

export function summarise(letter: DeadLetter): DeadLetterSummary {
  const h = letter.original.headers;
  return {
    id: letter.id,
    group: letter.group,
    type: h[HEADER.type] ? `${h[HEADER.type]} v${h[HEADER.version] ?? '?'}` : '(no type header)',
    eventId: h[HEADER.eventId] ?? '(none)',
    key: letter.original.key ?? '(none)',
    reason: letter.reason,
    attempts: letter.attempts,
    failedAt: letter.failedAt,
    replayedAt: letter.replayedAt,
  };
}

/** Dead letters oldest first, per group. */
export async function listDeadLetters(queue: DeadLetterQueue, filter: DeadLetterFilter = {}): Promise<DeadLetter[]> {
  const letters = await queue.list(filter);
  return letters.sort((a, b) => a.group.localeCompare(b.group) || a.failedAt.localeCompare(b.failedAt));
}

/** A fixed-width table for a terminal; the reason column is last so it may run long. */
export function formatDeadLetters(letters: DeadLetter[]): string {
  if (letters.length === 0) return 'no dead letters';
  const rows = letters
    .map(summarise)
    .map((s) => [s.id, s.type, s.eventId, s.key, String(s.attempts), s.failedAt, s.replayedAt ? `replayed ${s.replayedAt}` : s.reason]);
  const head = ['ID', 'TYPE', 'EVENT ID', 'KEY', 'TRIES', 'FAILED AT', 'REASON'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}
