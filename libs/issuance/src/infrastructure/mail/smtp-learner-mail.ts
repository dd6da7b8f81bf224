import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { createTransport, type NodemailerError, type Transporter } from 'nodemailer';
import { LearnerMail, type LearnerMessage } from '../../application/ports/learner-mail.port';
import { type SmtpSettings, smtpServerName, smtpTransportOptions } from './smtp-settings';

/**
 * Hands learners' mail to an SMTP server (nodemailer), plain text, marked `Auto-Submitted: auto-generated` so
 * no auto-reply comes back. A message sent again after a crash has the same Message-ID, derived from its kind and
 * reference, so the learner's mail program can tell it is the same message. A failed send throws an error that
 * names the message and the server's reply, without the address or the credentials; the process manager tries
 * again. The log names kind, learner and reference, never the address or the text. Nothing is kept, so there is
 * nothing to forget.
 */
export class SmtpLearnerMail extends LearnerMail {
  private readonly logger = new Logger(SmtpLearnerMail.name);
  private readonly transport: Transporter;
  private readonly server: string;
  private readonly secrets: string[];

  constructor(private readonly settings: SmtpSettings) {
    super();
    const options = smtpTransportOptions(settings);
    this.transport = createTransport(options);
    this.server = smtpServerName(settings);
    const auth = options.auth;
    this.secrets = [auth?.user, auth?.pass].filter((s): s is string => typeof s === 'string' && s !== '');
  }

  async send(message: LearnerMessage): Promise<void> {
    const messageId = learnerMessageId(message, this.settings.from);
    try {
      await this.transport.sendMail({
        from: this.settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      throw new Error(`${this.server} did not take the ${message.kind} mail (reference ${message.reference}): ${this.describe(error)}`);
    }
    this.logger.log(
      { kind: message.kind, learnerId: message.learnerId, reference: message.reference, messageId },
      'learner mail sent over SMTP',
    );
  }

  async forget(): Promise<void> {
    // Nothing of a message stays here once the server has it.
  }

  /** nodemailer's code, SMTP reply code and text, with every address and the credentials blanked out. */
  private describe(error: unknown): string {
    const e = error as NodemailerError;
    let text = `${e.code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''}${e.command ? ` after ${e.command}` : ''}: ${e.message ?? String(error)}`;
    text = text.replace(/[^\s<>@:;,"'()[\]]+@[^\s<>@:;,"'()[\]]+/g, '[address]');
    for (const secret of this.secrets) {
      // As a whole word only: a user `u` must not blank every `u` of the reply.
      text = text.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(secret)}(?![A-Za-z0-9])`, 'g'), '[credentials]');
    }
    return text;
  }
}

/**
 * `<kind.hash@domain>`: the same for every send of one message (kind and reference), under the sender's domain;
 * the reference is hashed so no identifier of the platform travels in the header.
 */
export function learnerMessageId(message: Pick<LearnerMessage, 'kind' | 'reference'>, from: string): string {
  const digest = createHash('sha256').update(`${message.kind}\n${message.reference}`).digest('hex').slice(0, 32);
  return `<${message.kind}.${digest}@${domainOf(from)}>`;
}

function domainOf(mailbox: string): string {
  const address = /<([^>]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox.trim();
  return address.slice(address.lastIndexOf('@') + 1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
