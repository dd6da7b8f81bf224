import { ConfigValidationError } from './config-error';
import { loadConfig } from './load-config';
import { maskSecrets } from './secret.decorator';
import { ServiceConfig } from './service-config';

describe('loadConfig', () => {
  it('applies defaults and converts types', () => {
    const config = loadConfig('test', ServiceConfig, { PORT: '4100' });
    expect(config.PORT).toBe(4100);
    expect(config.EVENT_STORE).toBe('embedded');
    expect(config.BUS).toBe('in-process');
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig('test', ServiceConfig, { PORT: 'eighty' })).toThrow(ConfigValidationError);
    try {
      loadConfig('test', ServiceConfig, { PORT: '70000', EVENT_STORE: 'mongo' });
    } catch (e) {
      const err = e as ConfigValidationError;
      expect(err.problems.map((p) => p.variable).sort()).toEqual(['EVENT_STORE', 'PORT']);
      expect(err.message).toContain('PORT');
      expect(err.message).toContain('"mongo"');
    }
    expect.assertions(4);
  });

  it('requires DATABASE_URL only when an adapter needs PostgreSQL', () => {
    expect(() => loadConfig('test', ServiceConfig, { EVENT_STORE: 'postgres' })).toThrow(/DATABASE_URL/);
    expect(loadConfig('test', ServiceConfig, { EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@h/db' }).DATABASE_URL).toBe(
      'postgres://u@h/db',
    );
  });

  it('rejects a short JWT secret and masks secrets when logged', () => {
    expect(() => loadConfig('test', ServiceConfig, { AUTH_JWT_SECRET: 'short' })).toThrow(/AUTH_JWT_SECRET/);
    const masked = maskSecrets(loadConfig('test', ServiceConfig, { DATABASE_URL: 'postgres://u:pw@h/db', READ_MODEL: 'postgres' }));
    expect(masked['DATABASE_URL']).toBe('***');
    expect(masked['AUTH_JWT_SECRET']).toBe('***');
    expect(masked['PORT']).toBe(3000);
  });

  it('names a bad secret without repeating its value', () => {
    const bad = () => loadConfig('test', ServiceConfig, { DATABASE_URL: 'mysql://admin:hunter2-password@db/x', READ_MODEL: 'postgres' });
    expect(bad).toThrow(/DATABASE_URL must be a postgres:\/\/ URL \(got a value, not shown: it is secret\)/);
    expect(bad).not.toThrow(/hunter2/);
    expect(() => loadConfig('test', ServiceConfig, { AUTH_JWT_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
  });
});
