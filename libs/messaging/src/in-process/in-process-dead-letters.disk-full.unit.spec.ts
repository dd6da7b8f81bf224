import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mountTinyDisk } from '@alliance/testing';
import { PoisonMessageError } from '../errors/poison-message.error';
import { testMessages } from '../testing/test-messages';
import { InProcessBus } from './in-process-bus';
import { openDeadLetterJournal } from './in-process-dead-letters';

const disk = mountTinyDisk(1);

describe('in-process dead letters on a full disk', () => {
  if ('unavailable' in disk) {
    it.skip(`needs a real tiny disk: ${disk.unavailable}`, () => undefined);
    console.warn(`dead-letter journal disk-full spec skipped: ${disk.unavailable}`);
    return;
  }
  const unhandled: unknown[] = [];
  const note = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => process.on('unhandledRejection', note));
  afterAll(() => {
    process.off('unhandledRejection', note);
    disk.unmount();
  });
  afterEach(() => disk.free());

  const journalLines = (file: string) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; original: { value: string } });

  it('keeps a message the journal refused at the head of its queue and journals it once space returns, without an unhandled rejection', async () => {
    const file = join(disk.dir, 'queue', 'dead-letters.jsonl');
    const bus = new InProcessBus({ deadLetterFile: file, retry: { maxAttempts: 1, initialDelayMs: 20, maxDelayMs: 200 } });
    const [first, second] = testMessages('demo', 2, 1);
    await bus.subscribe({
      group: 'issuance',
      sources: ['demo'],
      handler: async () => Promise.reject(new PoisonMessageError('invalid-payload', 'grade is missing')),
    });
    await bus.publish([first!]);
    // A line longer than the page the journal's last line left room in: only part of it could be written.
    const big = { ...second!, payload: { ...second!.payload, padding: 'x'.repeat(16 * 1024) } };
    disk.fill();
    let published = false;
    const publishing = bus.publish([big]).then(() => (published = true));
    await new Promise((r) => setTimeout(r, 500));
    expect(published).toBe(false);
    expect(journalLines(file).map((l) => l.id)).toEqual(['issuance/1']);
    disk.free();
    await publishing;
    const lines = journalLines(file);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.original.value).toContain('x'.repeat(16 * 1024));
    expect((await openDeadLetterJournal(file).list()).map((l) => (l.original.value ?? '').length > 16 * 1024)).toEqual([false, true]);
    expect(unhandled).toEqual([]);
    await bus.close();
  });
});
