import type { Request } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { type Logger as PinoBaseLogger, symbols } from 'pino';
import type { ServiceConfig } from '../config/service-config';

/** Names of the services started in this process: one for a service, all of them in the one-process platform. */
const servicesInProcess = new Set<string>();

/** What a log line made outside any request is attributed to: the service, or `platform` when several share the process. */
export function processLogName(): string {
  return servicesInProcess.size === 1 ? [...servicesInProcess][0] : 'platform';
}

/** Marks an HTTP application as a service's, so its request logs name that service even when several share a process. */
export function tagRequestsWithService(expressApp: { locals: Record<string, unknown> }, service: string): void {
  expressApp.locals['service'] = service;
}

/**
 * Query parameters that may carry a person's identifiers (a learner looked up by email, a name searched), or a
 * learner's share link token (`share`), which opens their credential to whoever holds it.
 */
const PERSONAL_QUERY_KEYS = new Set(['learner', 'email', 'name', 'givenname', 'familyname', 'q', 'search', 'share']);
const isPersonal = (key: string, value: string) => PERSONAL_QUERY_KEYS.has(key.toLowerCase()) || value.includes('@');

/** Paths that end in a share link's token (issuance's and the verification page's): the token is logged as `***`. */
const SHARE_TOKEN_PATH = /^(\/shared-credentials\/|\/verify\/shared\/)([^/?]+)/;

function hidden(value: unknown, secret: string): unknown {
  if (typeof value === 'string') return value.split(secret).join('***');
  if (Array.isArray(value)) return value.map((v) => hidden(v, secret));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hidden(v, secret)]));
  return value;
}

/** The token out of the path and out of every path parameter (a named one, or a catch-all's segments). */
function withoutShareToken<R extends { url?: string; params?: Record<string, unknown> }>(req: R): R {
  const secret = SHARE_TOKEN_PATH.exec(req.url ?? '')?.[2];
  if (!secret) return req;
  const params = req.params ? { params: hidden(req.params, secret) as Record<string, unknown> } : {};
  return { ...req, url: (req.url ?? '').replace(SHARE_TOKEN_PATH, '$1***'), ...params };
}

/** The request as logged: share tokens and values of query parameters that may be personal data replaced by `***`. */
export function withoutPersonalQuery<R extends { url?: string; query?: Record<string, unknown>; params?: Record<string, unknown> }>(
  logged: R,
): R {
  const req = withoutShareToken(logged);
  const [path, search] = (req.url ?? '').split('?', 2);
  if (search === undefined) return req;
  const params = new URLSearchParams(search);
  for (const [key, value] of [...params]) if (isPersonal(key, value)) params.set(key, '***');
  const query = req.query && Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, isPersonal(k, String(v)) ? '***' : v]));
  return { ...req, url: `${path}?${params.toString().replace(/%2A%2A%2A/g, '***')}`, ...(query ? { query } : {}) };
}

/**
 * Structured JSON logs (pino), one line per request with its correlation id; tokens never logged.
 *
 * nestjs-pino keeps one root logger per process, built from the first service's options, so the service name
 * cannot be a fixed binding: request logs take it from the application that received the request, other lines
 * from the process (`platform` when every service runs in one), and each line carries it exactly once.
 */
export function loggingModule(service: string, config: Pick<ServiceConfig, 'LOG_LEVEL'>) {
  servicesInProcess.add(service);
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: null,
      // The bindings as pino keeps them, a JSON fragment: reading it costs no parse per log line.
      mixin: (_merge: object, _level: number, logger: PinoBaseLogger) =>
        ((logger as unknown as Record<symbol, string>)[symbols.chindingsSym] ?? '').includes('"service":')
          ? {}
          : { service: processLogName() },
      customProps: (req) => ({ service: ((req as Request).app?.locals['service'] as string | undefined) ?? processLogName() }),
      genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
      customAttributeKeys: { reqId: 'correlationId' },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '***' },
      serializers: { req: withoutPersonalQuery },
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health/') },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
    },
  });
}
