import { appendFile, mkdir } from 'node:fs/promises';
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

  constructor(readonly file: string) {
    super();
  }

  async send(message: LearnerMessage): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    await appendFile(this.file, `${JSON.stringify({ ...message, sentAt: new Date().toISOString() })}\n`, { mode: 0o600 });
    this.logger.log(
      { kind: message.kind, learnerId: message.learnerId, reference: message.reference, file: this.file },
      'learner mail written to file',
    );
  }
}
