import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ConfigValidationError } from './config-error';
import { secretKeys } from './secret.decorator';

type Ctor<T> = new () => T;

/**
 * Builds and validates a service's typed configuration from environment variables.
 * Property names are the environment variable names, so an error names exactly what to fix.
 */
export function loadConfig<T extends object>(service: string, schema: Ctor<T>, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new schema() as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const value = env[key];
    raw[key] = value === undefined || value === '' ? defaults[key] : value;
  }
  const config = plainToInstance(schema, raw, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigValidationError(service, flatten(errors, raw, new Set(secretKeys(config))));
  return config;
}

/** One line per bad variable; a secret's value is never repeated (a malformed URL may still hold a password). */
function flatten(
  errors: ValidationError[],
  raw: Record<string, unknown>,
  secrets: Set<string | symbol>,
): { variable: string; message: string }[] {
  return errors.map((e) => ({
    variable: e.property,
    message: `${Object.values(e.constraints ?? {}).join('; ')} (got ${secrets.has(e.property) && raw[e.property] !== undefined ? 'a value, not shown: it is secret' : JSON.stringify(raw[e.property] ?? null)})`,
  }));
}
