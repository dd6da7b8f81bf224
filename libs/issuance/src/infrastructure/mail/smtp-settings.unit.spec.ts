import { isLoopback, smtpServerName, smtpTransportOptions, type SmtpSettings } from './smtp-settings';

const base: SmtpSettings = { url: 'smtp://mail.example.org', from: 'no-reply@alliance.example', requireTls: true, timeoutMs: 7_000 };
const options = (more: Partial<SmtpSettings>) => smtpTransportOptions({ ...base, ...more });

describe('SMTP settings as nodemailer options', () => {
  it('speaks TLS from the start on smtps:// (port 465 by default) and needs no STARTTLS there', () => {
    expect(options({ url: 'smtps://mail.example.org' })).toMatchObject({
      host: 'mail.example.org',
      port: 465,
      secure: true,
      requireTLS: false,
    });
    expect(options({ url: 'smtps://mail.example.org:2465' }).port).toBe(2465);
  });

  it('requires STARTTLS on smtp:// (port 587 by default) unless switched off or the server is on this machine', () => {
    expect(options({})).toMatchObject({ port: 587, secure: false, requireTLS: true });
    expect(options({ requireTls: false }).requireTLS).toBe(false);
    for (const host of ['127.0.0.1', '127.8.0.1', 'localhost', 'LOCALHOST', '[::1]'])
      expect(options({ url: `smtp://${host}:25` }).requireTLS).toBe(false);
    for (const host of ['128.0.0.1', '10.0.0.1', 'mail.localhost.example', '[fd00::2]', 'relay'])
      expect(options({ url: `smtp://${host}:25` }).requireTLS).toBe(true);
  });

  it('takes URL-encoded credentials out of the URL, and asks for no login without them', () => {
    expect(options({ url: 'smtps://mailer%40alliance.example:p%40ss%3Aw%2Frd@mail.example.org' }).auth).toEqual({
      user: 'mailer@alliance.example',
      pass: 'p@ss:w/rd',
    });
    expect(options({}).auth).toBeUndefined();
  });

  it('bounds connecting, the greeting, DNS and every silence by the timeout, and keeps nodemailer quiet', () => {
    expect(options({})).toMatchObject({
      connectionTimeout: 7_000,
      greetingTimeout: 7_000,
      socketTimeout: 7_000,
      dnsTimeout: 7_000,
      logger: false,
      debug: false,
    });
  });

  it('names the server by scheme, host and port only', () => {
    expect(smtpServerName({ ...base, url: 'smtps://user:secret@mail.example.org:465' })).toBe('smtps://mail.example.org:465');
    expect(smtpServerName({ ...base, url: 'smtp://[::1]:25' })).toBe('smtp://[::1]:25');
  });

  it('knows loopback hosts', () => {
    expect([isLoopback('127.0.0.1'), isLoopback('::1'), isLoopback('localhost'), isLoopback('192.0.2.2')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
