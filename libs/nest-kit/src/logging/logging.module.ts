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
        ((logger as unknown as Record<symbol, string>)[symbols.chindingsSym] ?? '').includes('"service":') ? {} : { service: processLogName() },
      customProps: (req) => ({ service: ((req as Request).app?.locals['service'] as string | undefined) ?? processLogName() }),
      genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
      customAttributeKeys: { reqId: 'correlationId' },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '***' },
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health/') },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
    },
  });
}
