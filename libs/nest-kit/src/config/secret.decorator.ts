import 'reflect-metadata';

const SECRET_KEYS = Symbol('config:secret-keys');

/** Marks a configuration property as secret: it is masked whenever the configuration is logged. */
export function Secret(): PropertyDecorator {
  return (target, key) => {
    const keys: (string | symbol)[] = Reflect.getMetadata(SECRET_KEYS, target) ?? [];
    Reflect.defineMetadata(SECRET_KEYS, [...keys, key], target);
  };
}

export function secretKeys(instance: object): (string | symbol)[] {
  return Reflect.getMetadata(SECRET_KEYS, Object.getPrototypeOf(instance)) ?? [];
}

/** A copy of the configuration safe to log. */
export function maskSecrets<T extends object>(config: T): Record<string, unknown> {
  const secret = new Set(secretKeys(config));
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secret.has(k) && v !== undefined ? '***' : v]));
}
