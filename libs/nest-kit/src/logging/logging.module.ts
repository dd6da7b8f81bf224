import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { ServiceConfig } from '../config/service-config';

/** Structured JSON logs (pino), one line per request with its correlation id; tokens never logged. */
export function loggingModule(service: string, config: Pick<ServiceConfig, 'LOG_LEVEL'>) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { service },
      genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? 'unknown',
      customAttributeKeys: { reqId: 'correlationId' },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '***' },
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health/') },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
    },
  });
}
