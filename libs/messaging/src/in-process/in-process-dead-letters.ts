import { appendFile, mkdir, readFile, stat, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DeadLetterNotFoundError, type DeadLetter, type DeadLetterFilter, type DeadLetterQueue } from '../dead-letters/dead-letter';

type JournalLine =
  | ({ kind: 'dead-letter' } & DeadLetter)
  | { kind: 'replay-requested'; id: string; at: string }
  | { kind: 'replayed'; id: string; at: string };

/**
 * Dead letters of the in-process bus. With a file they survive restarts (an append-only JSON-lines journal):
 * in embedded mode a dead letter is often the only remaining copy of an event for that consumer.
 *
 * The operator's CLI runs in another process than the platform, so it cannot hand a message to the running
 * bus: it opens the journal without a bus (`redeliver` absent) and appends a replay request, which the
 * running bus picks up on its next poll of the file.
 */
export class InProcessDeadLetters implements DeadLetterQueue {
  private readonly letters = new Map<string, DeadLetter>();
  private readonly requested = new Set<string>();
  private sequence = 0;
  private linesRead = 0;
  private loaded?: Promise<void>;
  private repaired = false;
  private writes: Promise<void> = Promise.resolve();
  private poller?: NodeJS.Timeout;

  constructor(
    private readonly file: string | undefined,
    private readonly redeliver?: (letter: DeadLetter) => void,
    pollMs = 1_000,
  ) {
    if (file && redeliver) {
      this.poller = setInterval(() => void this.refresh().catch(() => undefined), pollMs);
      this.poller.unref();
    }
  }

  async add(letter: Omit<DeadLetter, 'id'>): Promise<DeadLetter> {
    await this.load();
    const stored: DeadLetter = { ...letter, id: `${letter.group}/${++this.sequence}` };
    // Journalled first: a letter the file refused (a full disk) is not kept, and the caller tries again.
    await this.journal({ kind: 'dead-letter', ...stored });
    this.letters.set(stored.id, stored);
    return stored;
  }

  async list(filter: DeadLetterFilter = {}): Promise<DeadLetter[]> {
    await this.refresh();
    return [...this.letters.values()].filter(
      (l) => (!filter.group || l.group === filter.group) && (filter.includeReplayed || !l.replayedAt),
    );
  }

  async replay(id: string): Promise<DeadLetter> {
    await this.refresh();
    const letter = this.letters.get(id);
    if (!letter) throw new DeadLetterNotFoundError(id);
    const at = new Date().toISOString();
    if (!this.redeliver) {
      await this.journal({ kind: 'replay-requested', id, at });
      return { ...letter };
    }
    await this.markReplayed(letter, at);
    return { ...letter };
  }

  close(): void {
    clearInterval(this.poller);
  }

  private async markReplayed(letter: DeadLetter, at: string): Promise<void> {
    await this.journal({ kind: 'replayed', id: letter.id, at });
    letter.replayedAt = at;
    this.requested.delete(letter.id);
    this.redeliver!(letter);
  }

  private load(): Promise<void> {
    this.loaded ??= this.refresh();
    return this.loaded;
  }

  /** Reads journal lines appended since the last read (by this or another process). */
  private async refresh(): Promise<void> {
    if (!this.file) return;
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (!this.repaired && this.redeliver) {
      // The bus's first read: a line a killed process left half-written is cut, or the next one would be glued to it.
      this.repaired = true;
      const end = text.lastIndexOf('\n') + 1;
      if (end < text.length) {
        await truncate(this.file, end);
        text = text.slice(0, end);
      }
    }
    const lines = text.split('\n');
    // The last element is '' after a complete line, or a line still being written: read it next time.
    const complete = lines.slice(0, -1);
    for (const line of complete.slice(this.linesRead)) this.apply(line);
    this.linesRead = complete.length;
    if (this.redeliver) {
      for (const id of [...this.requested]) {
        const letter = this.letters.get(id);
        if (letter && !letter.replayedAt) await this.markReplayed(letter, new Date().toISOString());
        else this.requested.delete(id);
      }
    }
  }

  private apply(line: string): void {
    let entry: JournalLine;
    try {
      entry = JSON.parse(line) as JournalLine;
    } catch {
      return;
    }
    if (entry.kind === 'dead-letter') {
      const { kind: _kind, ...letter } = entry;
      if (!this.letters.has(letter.id)) this.letters.set(letter.id, letter);
      this.sequence = Math.max(this.sequence, Number(letter.id.split('/').pop()) || 0);
    } else if (entry.kind === 'replayed') {
      const letter = this.letters.get(entry.id);
      if (letter) letter.replayedAt = entry.at;
      this.requested.delete(entry.id);
    } else if (entry.kind === 'replay-requested') {
      if (!this.letters.get(entry.id)?.replayedAt) this.requested.add(entry.id);
    }
  }

  private journal(line: JournalLine): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    this.writes = this.writes
      .catch(() => undefined)
      .then(async () => {
        await mkdir(dirname(file), { recursive: true });
        const size = await stat(file).then(
          (s) => s.size,
          () => 0,
        );
        try {
          await appendFile(file, `${JSON.stringify(line)}\n`, { flush: true });
        } catch (error) {
          // A full disk can leave part of the line: cut it off, or the next line would be glued to it and lost.
          await truncate(file, size).catch(() => undefined);
          throw error;
        }
      });
    return this.writes;
  }
}

/** The operator's view of an embedded platform's dead letters: list them, and request replays it carries out. */
export function openDeadLetterJournal(file: string): InProcessDeadLetters {
  return new InProcessDeadLetters(file);
}
