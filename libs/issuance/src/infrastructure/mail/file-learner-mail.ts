import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Logger } from '@nestjs/common';
import { LearnerMail, type LearnerMessage } from '../../application/ports/learner-mail.port';

/**
 * The development mail adapter: each message is appended as one JSON line to a file only the service's user may
 * read (`<DATA_DIR>/mail/learner-mail.jsonl`), where a developer or an end-to-end test picks up the code. The
 * log names the message, never its text.
 */
export class FileLearnerMail extends LearnerMail {
  private readonly logger = new Logger(FileLearnerMail.name);
  /** Appends and rewrites of the file, one at a time: erasure (the inbox) and mail (the reactor) run concurrently. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {
    super();
  }

  send(message: LearnerMessage): Promise<void> {
    return this.oneAtATime(() => this.append(message));
  }

  /**
   * Rewrites the file without the learner's lines: into a temporary file beside it, then renamed over it, so a
   * crash leaves either the old file or the new one.
   */
  forget(learnerId: string): Promise<void> {
    return this.oneAtATime(() => this.rewriteWithout(learnerId));
  }

  private oneAtATime(write: () => Promise<void>): Promise<void> {
    const done = this.writes.then(write);
    this.writes = done.catch(() => undefined);
    return done;
  }

  private async append(message: LearnerMessage): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    await appendFile(this.file, `${JSON.stringify({ ...message, sentAt: new Date().toISOString() })}\n`, { mode: 0o600 });
    this.logger.log(
      { kind: message.kind, learnerId: message.learnerId, reference: message.reference, file: this.file },
      'learner mail written to file',
    );
  }

  private async rewriteWithout(learnerId: string): Promise<void> {
    const content = await readFile(this.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (content === undefined) return;
    const lines = content.split('\n').filter((line) => line !== '');
    const kept = lines.filter((line) => !isOf(line, learnerId));
    if (kept.length === lines.length) return;
    const temporary = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, kept.map((line) => `${line}\n`).join(''), { mode: 0o600, flag: 'wx' });
      await rename(temporary, this.file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    this.logger.log({ learnerId, removed: lines.length - kept.length, file: this.file }, "learner's mail removed from file");
  }
}

/** Whether a line is one of the learner's messages; a line that is not JSON is kept as it is. */
function isOf(line: string, learnerId: string): boolean {
  try {
    return (JSON.parse(line) as Partial<LearnerMessage>).learnerId === learnerId;
  } catch {
    return false;
  }
}
