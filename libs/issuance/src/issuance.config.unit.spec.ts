import { ConfigValidationError, loadConfig, maskSecrets } from '@alliance/nest-kit';
import { IssuanceConfig } from './issuance.config';

const load = (env: NodeJS.ProcessEnv) => loadConfig('issuance', IssuanceConfig, env);
const problems = (env: NodeJS.ProcessEnv) => {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
};
const SMTP = {
  LEARNER_MAIL: 'smtp',
  SMTP_URL: 'smtp://mail.example.org:587',
  SMTP_FROM: 'Alliance credentials <no-reply@alliance.example>',
};

describe('issuance configuration: learner mail', () => {
  it('writes learner mail to a file by default, requiring TLS and a 30 s timeout should SMTP be chosen', () => {
    expect(load({})).toMatchObject({ LEARNER_MAIL: 'file', SMTP_REQUIRE_TLS: true, SMTP_TIMEOUT_MS: 30_000 });
    expect(load({}).SMTP_URL).toBeUndefined();
  });

  it('refuses to start with smtp but no SMTP_URL or SMTP_FROM, saying what to set', () => {
    expect(() => load({ LEARNER_MAIL: 'smtp' })).toThrow(/SMTP_URL must be set with LEARNER_MAIL=smtp, as smtp:\/\/host:587/);
    expect(() => load({ LEARNER_MAIL: 'smtp' })).toThrow(/SMTP_FROM must be set with LEARNER_MAIL=smtp, as a mailbox/);
    expect(problems({ LEARNER_MAIL: 'smtp', SMTP_URL: SMTP.SMTP_URL })).toEqual(['SMTP_FROM']);
    expect(problems({ LEARNER_MAIL: 'smtp', SMTP_FROM: SMTP.SMTP_FROM })).toEqual(['SMTP_URL']);
    expect(problems({ LEARNER_MAIL: 'sendmail' })).toEqual(['LEARNER_MAIL']);
  });

  it.each([
    'smtp://mail.example.org',
    'smtp://127.0.0.1:25',
    'smtps://user:pass@mail.example.org:465',
    'smtps://mailer%40alliance.example:p%40ss%2Fw@mail.example.org',
    'smtp://[::1]:2525',
  ])('accepts SMTP_URL %s', (url) => {
    expect(load({ ...SMTP, SMTP_URL: url }).SMTP_URL).toBe(url);
  });

  it.each([
    'http://mail.example.org',
    'mail.example.org:587',
    'smtp://mail.example.org/relay',
    'smtp://mail.example.org?tls.rejectUnauthorized=false',
    'smtp://user:pa ss@mail.example.org',
    'smtp://mail.example.org:port',
  ])('refuses SMTP_URL %s', (url) => {
    expect(problems({ ...SMTP, SMTP_URL: url })).toEqual(['SMTP_URL']);
  });

  it.each([
    'Alliance credentials <no-reply@alliance.example>',
    '"Alliance, credentials" <no-reply@alliance.example>',
    'no-reply@alliance.example',
  ])('accepts SMTP_FROM %s', (from) => {
    expect(load({ ...SMTP, SMTP_FROM: from }).SMTP_FROM).toBe(from);
  });

  it.each(['no-reply', 'Alliance <no-reply>', 'Alliance <no-reply@alliance.example>\r\nBcc: x@example.org', '<a@b.example> trailing'])(
    'refuses SMTP_FROM %j',
    (from) => {
      expect(problems({ ...SMTP, SMTP_FROM: from })).toEqual(['SMTP_FROM']);
    },
  );

  it('reads SMTP_REQUIRE_TLS as true or false only, and bounds SMTP_TIMEOUT_MS', () => {
    expect(load({ ...SMTP, SMTP_REQUIRE_TLS: 'false' }).SMTP_REQUIRE_TLS).toBe(false);
    expect(load({ ...SMTP, SMTP_REQUIRE_TLS: '0' }).SMTP_REQUIRE_TLS).toBe(false);
    expect(load({ ...SMTP, SMTP_REQUIRE_TLS: 'TRUE' }).SMTP_REQUIRE_TLS).toBe(true);
    expect(problems({ ...SMTP, SMTP_REQUIRE_TLS: 'no' })).toEqual(['SMTP_REQUIRE_TLS']);
    expect(load({ ...SMTP, SMTP_TIMEOUT_MS: '5000' }).SMTP_TIMEOUT_MS).toBe(5_000);
    expect(problems({ ...SMTP, SMTP_TIMEOUT_MS: '10' })).toEqual(['SMTP_TIMEOUT_MS']);
  });

  it('masks SMTP_URL, which carries the password, whenever the configuration is logged', () => {
    const masked = maskSecrets(load({ ...SMTP, SMTP_URL: 'smtps://user:secret@mail.example.org' }));
    expect(masked['SMTP_URL']).toBe('***');
    expect(masked['SMTP_FROM']).toBe(SMTP.SMTP_FROM);
  });
});
