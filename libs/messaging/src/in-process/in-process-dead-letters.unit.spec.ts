import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@alliance/testing';
import { PoisonMessageError } from '../errors/poison-message.error';
import type { IntegrationMessage } from '../integration-bus.port';
import { testMessages } from '../testing/test-messages';
import { InProcessBus } from './in-process-bus';
import { openDeadLetterJournal } from './in-process-dead-letters';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'dlq-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Publishes `message` on a bus journalling into `file` whose issuance consumer refuses it as poison at once, then closes the bus. */
async function deadLetterOnce(file: string, message: IntegrationMessage): Promise<void> {
  const bus = new InProcessBus({ deadLetterFile: file, retry: { maxAttempts: 1 } });
  await bus.subscribe({
    group: 'issuance',
    sources: ['demo'],
    handler: async () => Promise.reject(new PoisonMessageError('invalid-payload', 'grade is missing')),
  });
  await bus.publish([message]);
  await bus.close();
}

describe('in-process dead letters in a journal file', () => {
  it('survive a restart, and a replay requested from another process reaches the running consumer', async () => {
    const file = join(dir, 'dead-letters.jsonl');
    const [message] = testMessages('demo', 1, 1);
    let fixed = false;
    const handled: string[] = [];
    const handler = async (m: { eventId: string }) => {
      if (!fixed) throw new PoisonMessageError('invalid-payload', 'grade is missing');
      handled.push(m.eventId);
    };

    const before = new InProcessBus({ deadLetterFile: file });
    await before.subscribe({ group: 'issuance', sources: ['demo'], handler });
    await before.publish([message]);
    await before.close();

    const after = new InProcessBus({ deadLetterFile: file, retry: { maxAttempts: 1 } });
    (after.deadLetters as unknown as { poller?: NodeJS.Timeout }).poller?.refresh();
    await after.subscribe({ group: 'issuance', sources: ['demo'], handler });
    const operator = openDeadLetterJournal(file);
    const [letter] = await operator.list();
    expect(letter).toMatchObject({ id: 'issuance/1', group: 'issuance', reason: 'invalid-payload: grade is missing' });

    fixed = true;
    await operator.replay(letter.id);
    await eventually(() => expect(handled).toEqual([message.eventId]), 5_000);
    await eventually(async () => expect(await operator.list()).toEqual([]), 5_000);
    await after.close();
  });
});

describe('in-process dead letters after a crash mid-write', () => {
  it('cuts the half-written last line on the bus first read, so the next letter is journalled whole', async () => {
    const file = join(dir, 'dead-letters.jsonl');
    const [message] = testMessages('demo', 1, 1);
    await deadLetterOnce(file, message!);
    await appendFile(file, '{"kind":"dead-letter","id":"issuance/2","gro');
    await deadLetterOnce(file, message!);
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['issuance/1', 'issuance/2']);
    expect((await openDeadLetterJournal(file).list()).map((l) => l.id)).toEqual(['issuance/1', 'issuance/2']);
  });
});
