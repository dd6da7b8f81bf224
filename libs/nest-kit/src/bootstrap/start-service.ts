import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { ServiceConfig } from '../config/service-config';
import { maskSecrets } from '../config/secret.decorator';
import { correlationMiddleware } from '../context/correlation.middleware';
import { createValidationPipe } from '../errors/request-validation.error';
import { HealthRegistry } from '../health/health-registry';
import { healthProbes } from '../health/health-probes.middleware';
import { admissionControlOf } from '../http/admission';
import { useServiceBodyParsers } from '../http/input/body-parsers';
import { tagRequestsWithService } from '../logging/logging.module';
import { setupOpenApi } from '../openapi/setup-openapi';

export interface StartServiceOptions {
  service: string;
  description: string;
  module: Type<unknown> | DynamicModule;
  config: ServiceConfig;
  /** Listen on this port instead of config.PORT (0 = any free port; tests). */
  port?: number;
}

export interface RunningService {
  service: string;
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/**
 * Configures a Nest application the way every service runs: cheap health probes, admission control, JSON logs, correlation ids,
 * strict body parsing, validation, problem+json, OpenAPI.
 */
export async function createServiceApp(options: StartServiceOptions): Promise<NestExpressApplication> {
  // Body parsers are the kit's own (JSON and CSV text only): Nest's defaults would also read url-encoded forms.
  const app = await NestFactory.create<NestExpressApplication>(options.module, {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  tagRequestsWithService(app.getHttpAdapter().getInstance(), options.service);
  // Probes first: they need nothing of the stack below, and are never held back.
  const health = healthRegistryOf(app);
  if (health) app.use(healthProbes(health));
  // Then: a read held back by admission control has cost nothing yet, and gets its own request context once admitted.
  const admission = admissionControlOf(options.config);
  if (admission) {
    app.use(admission.middleware);
    app.getHttpServer()?.once('close', () => admission.close());
  }
  app.use(correlationMiddleware);
  app.useGlobalPipes(createValidationPipe());
  if (options.config.TRUST_PROXY !== undefined) app.set('trust proxy', trustProxyValue(options.config.TRUST_PROXY));
  useServiceBodyParsers(app, options.config);
  setupOpenApi(app, options.service, options.description);
  return app;
}

/** The registry NestKitModule provides; undefined for an application built without it. */
function healthRegistryOf(app: NestExpressApplication): HealthRegistry | undefined {
  try {
    return app.get(HealthRegistry, { strict: false });
  } catch {
    return undefined;
  }
}

/** Starts a service and returns once it listens; `close()` shuts it down gracefully. */
export async function startService(options: StartServiceOptions): Promise<RunningService> {
  const app = await createServiceApp(options);
  const logger = app.get(Logger);
  await app.listen(options.port ?? options.config.PORT, options.config.HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : options.config.PORT;
  const url = `http://${options.config.HOST}:${port}`;
  logger.log({ msg: 'service listening', service: options.service, url, config: maskSecrets(options.config) });
  return {
    service: options.service,
    app,
    url,
    close: () => closeWithin(app, options.config.SHUTDOWN_TIMEOUT_MS),
  };
}

async function closeWithin(app: INestApplication, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    app.close(),
    new Promise<void>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`shutdown did not finish within ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

function trustProxyValue(raw: string): boolean | number | string[] {
  const text = raw.trim();
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\d+$/.test(text)) return Number(text);
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
