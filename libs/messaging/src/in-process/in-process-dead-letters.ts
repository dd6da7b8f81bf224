import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DeadLetterNotFoundError, type DeadLetter, type DeadLetterFilter, type DeadLetterQueue } from '../dead-letters/dead-letter';

type JournalLine = ({ kind: 'dead-letter' } & DeadLetter) | { kind: 'replayed'; id: string; at: string };

/**
 * Dead letters of the in-process bus. With a file they survive restarts (an append-only JSON-lines journal):
 * in embedded mode a dead letter is often the only remaining copy of an event for that consumer.
 */
export class InProcessDeadLetters implements DeadLetterQueue {
  private readonly letters = new Map<string, DeadLetter>();
  private sequence = 0;
  private loaded?: Promise<void>;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string | undefined,
    private readonly redeliver: (letter: DeadLetter) => void,
  ) {}

  async add(letter: Omit<DeadLetter, 'id'>): Promise<DeadLetter> {
    await this.load();
    const stored: DeadLetter = { ...letter, id: `${letter.group}/${++this.sequence}` };
    this.letters.set(stored.id, stored);
    await this.journal({ kind: 'dead-letter', ...stored });
    return stored;
  }

  async list(filter: DeadLetterFilter = {}): Promise<DeadLetter[]> {
    await this.load();
    return [...this.letters.values()].filter(
      (l) => (!filter.group || l.group === filter.group) && (filter.includeReplayed || !l.replayedAt),
    );
  }

  async replay(id: string): Promise<DeadLetter> {
    await this.load();
    const letter = this.letters.get(id);
    if (!letter) throw new DeadLetterNotFoundError(id);
    const replayedAt = new Date().toISOString();
    await this.journal({ kind: 'replayed', id, at: replayedAt });
    letter.replayedAt = replayedAt;
    this.redeliver(letter);
    return { ...letter };
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.file) return;
      let text = '';
      try {
        text = await readFile(this.file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        let entry: JournalLine;
        try {
          entry = JSON.parse(line) as JournalLine;
        } catch {
          continue; // a torn last line after a crash: the entry was never acknowledged
        }
        if (entry.kind === 'dead-letter') {
          const { kind: _kind, ...letter } = entry;
          this.letters.set(letter.id, letter);
          this.sequence = Math.max(this.sequence, Number(letter.id.split('/').pop()) || 0);
        } else {
          const letter = this.letters.get(entry.id);
          if (letter) letter.replayedAt = entry.at;
        }
      }
    })();
    return this.loaded;
  }

  private journal(line: JournalLine): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    this.writes = this.writes.catch(() => undefined).then(async () => {
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, `${JSON.stringify(line)}\n`, { flush: true });
    });
    return this.writes;
  }
}
