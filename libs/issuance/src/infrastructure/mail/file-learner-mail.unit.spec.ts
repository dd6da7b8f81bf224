import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { LearnerMessage } from '../../application/ports/learner-mail.port';
import { FileLearnerMail } from './file-learner-mail';

const message = (learnerId: string, reference: string): LearnerMessage => ({
  kind: 'learner-sign-in-link',
  learnerId,
  to: `${learnerId}@example.org`,
  subject: 'Sign in',
  text: `https://learner.test/sign-in/${reference}`,
  reference,
});

describe('FileLearnerMail', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    dir = await mkdtemp(join(tmpdir(), 'learner-mail-'));
    file = join(dir, 'mail', 'learner-mail.jsonl');
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  const lines = async () =>
    (await readFile(file, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as LearnerMessage);

  it("forgets only that learner's lines, keeping the others in order and the file readable by its owner only", async () => {
    const mail = new FileLearnerMail(file);
    for (const m of [message('ada', 's1'), message('grace', 's2'), message('ada', 's3'), message('alan', 's4')]) await mail.send(m);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    await mail.forget('ada');

    expect((await lines()).map((m) => `${m.learnerId}/${m.reference}`)).toEqual(['grace/s2', 'alan/s4']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'mail'))).toEqual(['learner-mail.jsonl']);
    await mail.forget('ada');
    expect(await lines()).toHaveLength(2);
  });

  it('keeps a line it cannot read rather than guess whose it is', async () => {
    const mail = new FileLearnerMail(file);
    await mail.send(message('ada', 's1'));
    await writeFile(file, 'not json\n', { flag: 'a' });
    await mail.forget('ada');
    expect(await readFile(file, 'utf8')).toBe('not json\n');
  });

  it('does nothing when no mail was ever written', async () => {
    await expect(new FileLearnerMail(file).forget('ada')).resolves.toBeUndefined();
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('lets a message sent while it rewrites the file land after the rewrite, not be lost', async () => {
    const mail = new FileLearnerMail(file);
    await mail.send(message('ada', 's1'));
    await Promise.all([mail.forget('ada'), mail.send(message('grace', 's2')), mail.send(message('ada', 's3'))]);
    expect((await lines()).map((m) => `${m.learnerId}/${m.reference}`)).toEqual(['grace/s2', 'ada/s3']);
  });
});
