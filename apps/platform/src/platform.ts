import { createInProcessBus } from '@alliance/messaging';
import { loadConfig, type RunningService, serviceBaseUrl, ServiceConfig } from '@alliance/nest-kit';
import { embeddedDeadLetterFile, loadServiceConfig, runService } from '@alliance/service-runtime';
import { ALL_SERVICES } from '@alliance/composition';

export interface PlatformOptions {
  env?: NodeJS.ProcessEnv;
  /** Port of the first service; the others follow. 0 = any free port for each (tests). */
  basePort?: number;
}

export interface RunningPlatform {
  services: RunningService[];
  urls: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Verification refuses to fetch from private addresses; the status lists of this platform's own issuance
 * service are the exception it must reach (fresh, not cached), wherever it listens.
 */
function ownIssuance(service: string, started: RunningService[], env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const issuance = started.find((s) => s.service === 'issuance');
  if (service !== 'verification' || !issuance || env.VERIFICATION_ISSUANCE_INTERNAL_URL) return {};
  return {
    VERIFICATION_ISSUANCE_PUBLIC_URL: env.VERIFICATION_ISSUANCE_PUBLIC_URL ?? issuance.url,
    VERIFICATION_ISSUANCE_INTERNAL_URL: issuance.url,
  };
}

/**
 * Verification reads this platform's own JSON-LD contexts from its bundled copies at the URL credentials name them
 * by: CONTEXT_BASE_URL when set (every service sees it), else issuance's public URL, derived as issuance derives it.
 */
function ownContexts(service: string, started: RunningService[], env: NodeJS.ProcessEnv, shared: ServiceConfig): NodeJS.ProcessEnv {
  const issuance = started.find((s) => s.service === 'issuance');
  if (service !== 'verification' || !issuance || env.CONTEXT_BASE_URL) return {};
  return { CONTEXT_BASE_URL: env.ISSUANCE_PUBLIC_URL ?? serviceBaseUrl(shared, Number(new URL(issuance.url).port)) };
}

/**
 * Issuance builds learners' share links to this platform's verification page: VERIFY_PAGE_URL when set, else
 * `/verify` at verification's address as it will listen (known only for fixed ports; verification starts later).
 */
function ownVerifyPage(service: string, basePort: number, env: NodeJS.ProcessEnv, shared: ServiceConfig): NodeJS.ProcessEnv {
  const verification = ALL_SERVICES.findIndex((d) => d.name === 'verification');
  if (service !== 'issuance' || env.VERIFY_PAGE_URL || basePort === 0 || verification < 0) return {};
  return { VERIFY_PAGE_URL: `${serviceBaseUrl(shared, basePort + verification)}/verify` };
}

/**
 * Every service in one process on the embedded defaults: each keeps its own event store and read models
 * under DATA_DIR/<service>, and all share one in-process bus, whose dead letters are journalled under DATA_DIR.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const env = options.env ?? process.env;
  const basePort = options.basePort ?? Number(env.PLATFORM_BASE_PORT ?? 3001);
  const shared = loadConfig('platform', ServiceConfig, env);
  const bus = createInProcessBus({ deadLetterFile: embeddedDeadLetterFile(shared) });
  const services: RunningService[] = [];
  // The bus holds messages in memory only: nothing is published before every service's consumer group has joined.
  const releasePublishes = bus.holdPublishes();
  try {
    for (const [i, descriptor] of ALL_SERVICES.entries()) {
      const port = basePort === 0 ? 0 : basePort + i;
      const config = loadServiceConfig(descriptor, {
        ...env,
        ...ownIssuance(descriptor.name, services, env),
        ...ownContexts(descriptor.name, services, env, shared),
        ...ownVerifyPage(descriptor.name, basePort, env, shared),
        PORT: String(port),
      });
      services.push(await runService(descriptor, { config, port, sharedBus: bus }));
    }
  } catch (e) {
    bus.beginClosing();
    await Promise.allSettled(services.map((s) => s.close()));
    await bus.close();
    throw e;
  }
  releasePublishes();
  return {
    services,
    urls: Object.fromEntries(services.map((s) => [s.service, s.url])),
    async close() {
      // Services stop consumers first (reverse start order). From here on, a group whose service has stopped refuses
      // what is still published to it, so no relay checkpoints past a message that only this process's memory held.
      bus.beginClosing();
      for (const s of [...services].reverse()) await s.close();
      await bus.close();
    },
  };
}
