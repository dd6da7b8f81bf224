import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { Logger } from '@nestjs/common';
import { createTestTls, type TestTls } from '@alliance/credentials';
import type { LearnerMessage } from '../../application/ports/learner-mail.port';
import { type LocalSmtpServer, startLocalSmtpServer, startSilentServer } from './__fixtures__/local-smtp-server';
import { learnerMessageId, SmtpLearnerMail } from './smtp-learner-mail';
import type { SmtpSettings } from './smtp-settings';

const FROM = 'Alliance credentials <no-reply@alliance.example>';
const LOGIN = { user: 'mailer@alliance.example', pass: 's3cret:p@ss/word' };
const message: LearnerMessage = {
  kind: 'wallet-offer-transaction-code',
  learnerId: 'learner-1',
  to: 'Ada.Lovelace@example.org',
  subject: 'Your code for the wallet',
  text: 'Your code is 482913.\nIt works once, for 10 minutes.',
  reference: 'offer-7',
};

/** What SmtpLearnerMail logged, as one text, to search for what must never be there. */
function recordLogs(): { text: () => string; restore: () => void } {
  const spies = (['log', 'warn', 'error', 'debug', 'verbose'] as const).map((level) =>
    jest.spyOn(Logger.prototype, level).mockImplementation(() => undefined),
  );
  return {
    text: () => JSON.stringify(spies.map((s) => s.mock.calls)),
    restore: () => spies.forEach((s) => s.mockRestore()),
  };
}

function settings(port: number, more: Partial<SmtpSettings> = {}): SmtpSettings {
  const credentials = `${encodeURIComponent(LOGIN.user)}:${encodeURIComponent(LOGIN.pass)}@`;
  return { url: `smtp://${credentials}127.0.0.1:${port}`, from: FROM, requireTls: true, timeoutMs: 5_000, ...more };
}

/** An address of this machine other than loopback, where STARTTLS is required. */
const external = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

describe('SmtpLearnerMail against a real local SMTP server', () => {
  let server: LocalSmtpServer | undefined;
  let logs: ReturnType<typeof recordLogs>;
  beforeEach(() => (logs = recordLogs()));
  afterEach(async () => {
    logs.restore();
    await server?.close();
    server = undefined;
  });

  it('delivers a plain-text mail with the sender, recipient, subject, text, Auto-Submitted and a stable Message-ID', async () => {
    server = await startLocalSmtpServer({ login: LOGIN });
    const mail = new SmtpLearnerMail(settings(server.port));
    await mail.send(message);
    await mail.send(message);

    expect(server.received).toHaveLength(2);
    const [first, again] = server.received.map((r) => r!);
    expect(first!.user).toBe(LOGIN.user);
    expect(first!.envelope).toEqual({ from: 'no-reply@alliance.example', to: ['Ada.Lovelace@example.org'] });
    expect(first!.mail.from?.value).toEqual([{ name: 'Alliance credentials', address: 'no-reply@alliance.example' }]);
    expect(first!.mail.to).toMatchObject({ value: [{ address: 'Ada.Lovelace@example.org' }] });
    expect(first!.mail.subject).toBe(message.subject);
    expect(first!.mail.text?.trimEnd()).toBe(message.text);
    expect(first!.mail.html).toBe(false);
    expect(first!.mail.attachments).toEqual([]);
    expect(first!.mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(first!.mail.messageId).toBe(learnerMessageId(message, FROM));
    expect(first!.mail.messageId).toMatch(/^<wallet-offer-transaction-code\.[0-9a-f]{32}@alliance\.example>$/);
    expect(again!.mail.messageId).toBe(first!.mail.messageId);
    expect(learnerMessageId({ ...message, reference: 'offer-8' }, FROM)).not.toBe(first!.mail.messageId);
    expect(learnerMessageId({ ...message, kind: 'learner-sign-in-link' }, FROM)).not.toBe(first!.mail.messageId);

    const logged = logs.text();
    expect(logged).toContain('learner-1');
    expect(logged).toContain('offer-7');
    expect(logged).toContain('wallet-offer-transaction-code');
    for (const secret of [message.to, '482913', 's3cret', encodeURIComponent(LOGIN.pass), 'mailer@']) expect(logged).not.toContain(secret);
  });

  it('throws a clear error, without the address, when the server refuses the recipient (5xx)', async () => {
    server = await startLocalSmtpServer({ refuseRecipients: { code: 550, text: '5.1.1 <Ada.Lovelace@example.org>: mailbox unavailable' } });
    const mail = new SmtpLearnerMail(settings(server.port, { url: `smtp://127.0.0.1:${server.port}` }));

    const error = await mail.send(message).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toMatch(
      new RegExp(
        `^smtp://127\\.0\\.0\\.1:${server.port} did not take the wallet-offer-transaction-code mail \\(reference offer-7\\): EENVELOPE 550`,
      ),
    );
    expect(error!.message).toContain('mailbox unavailable');
    expect(error!.message).not.toMatch(/Lovelace|example\.org/);
    expect(server.received).toEqual([]);
  });

  it('never names the credentials, in its error or its logs, when the server refuses them', async () => {
    server = await startLocalSmtpServer({ login: { user: 'someone-else', pass: 'other' } });
    const mail = new SmtpLearnerMail(
      settings(server.port, { url: `smtp://mailer:${encodeURIComponent(LOGIN.pass)}@127.0.0.1:${server.port}` }),
    );

    const error = await mail.send(message).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    // The fixture's refusal names the user, as some servers do.
    expect(error!.message).toMatch(/EAUTH 535 .*Authentication failed for \[credentials\]/);
    const everything = `${error!.message}\n${error!.stack}\n${JSON.stringify(error)}\n${logs.text()}`;
    for (const secret of ['s3cret', encodeURIComponent(LOGIN.pass), 'mailer', LOGIN.user]) expect(everything).not.toContain(secret);
  });

  it('gives up on a server that never answers within the configured timeout', async () => {
    const silent = await startSilentServer();
    try {
      const mail = new SmtpLearnerMail(settings(silent.port, { timeoutMs: 1_000 }));
      const started = Date.now();
      const error = await mail.send(message).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      const elapsed = Date.now() - started;
      expect(error!.message).toMatch(/ETIMEDOUT/);
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(4_000);
    } finally {
      await silent.close();
    }
  });

  describe('TLS', () => {
    let tls: TestTls;
    beforeAll(() => (tls = createTestTls()));
    afterAll(() => tls.remove());

    it('upgrades with STARTTLS when the server offers it, verifying its certificate', async () => {
      server = await startLocalSmtpServer({ tls: tls.server, login: LOGIN });
      const mail = new SmtpLearnerMail(settings(server.port, { tls: { ca: readFileSync(tls.caFile, 'utf8') } }));
      await mail.send(message);
      expect(server.received.map((r) => r.secure)).toEqual([true]);
    });

    it('refuses a server whose certificate it cannot verify', async () => {
      server = await startLocalSmtpServer({ tls: tls.selfSigned });
      const mail = new SmtpLearnerMail(settings(server.port, { url: `smtp://127.0.0.1:${server.port}` }));
      await expect(mail.send(message)).rejects.toThrow(/did not take the wallet-offer-transaction-code mail .*(ETLS|ESOCKET)/);
      expect(server.received).toEqual([]);
    });

    if (!external) {
      console.warn('skipped: no IPv4 address other than loopback on this machine to test STARTTLS being required');
      return;
    }
    const host = external;

    it('sends nothing to a server on another host that does not offer STARTTLS', async () => {
      server = await startLocalSmtpServer({ host, login: { user: 'u', pass: LOGIN.pass } });
      // A one-letter user: blanking the credentials must not blank every "u" of the reply.
      const mail = new SmtpLearnerMail(settings(server.port, { url: `smtp://u:${encodeURIComponent(LOGIN.pass)}@${host}:${server.port}` }));
      const error = await mail.send(message).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error!.message).toMatch(/did not take the wallet-offer-transaction-code mail .*ETLS .*upgrading connection with STARTTLS/);
      expect(error!.message).not.toContain('s3cret');
      expect(server.received).toEqual([]);
    });

    it('sends in clear to such a server only with SMTP_REQUIRE_TLS=false', async () => {
      server = await startLocalSmtpServer({ host, login: LOGIN });
      const mail = new SmtpLearnerMail(
        settings(server.port, {
          url: `smtp://${encodeURIComponent(LOGIN.user)}:${encodeURIComponent(LOGIN.pass)}@${host}:${server.port}`,
          requireTls: false,
        }),
      );
      await mail.send(message);
      expect(server.received.map((r) => r.secure)).toEqual([false]);
    });
  });
});
