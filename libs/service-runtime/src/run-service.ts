import { Module } from '@nestjs/common';
import { loadConfig, type ServiceConfig, NestKitModule, type RunningService, startService } from '@alliance/nest-kit';
import { createRuntime, type RuntimeOverrides } from './create-runtime';
import { RuntimeModule } from './runtime.module';
import { acquireStartupLock } from './startup-lock';
import type { ServiceDescriptor } from './service-descriptor';
import type { ServiceRuntime } from './service-runtime';

/** Reads a service's configuration from the environment; PORT defaults to the service's own port. */
export function loadServiceConfig<C extends ServiceConfig>(descriptor: ServiceDescriptor<C>, env: NodeJS.ProcessEnv = process.env): C {
  return loadConfig(descriptor.name, descriptor.configSchema, { PORT: String(descriptor.defaultPort), ...env });
}

/** The root module of one service: cross-cutting kit, runtime, and the context itself. */
export function serviceRootModule<C extends ServiceConfig>(descriptor: ServiceDescriptor<C>, runtime: ServiceRuntime<C>) {
  @Module({
    imports: [
      NestKitModule.forRoot({ service: descriptor.name, config: runtime.config }),
      RuntimeModule.forRoot(runtime),
      descriptor.module(runtime),
    ],
  })
  class ServiceRootModule {}
  return ServiceRootModule;
}

export interface RunServiceOptions<C extends ServiceConfig> extends RuntimeOverrides {
  config?: C;
  port?: number;
}

/** Loads configuration, opens the runtime and starts the HTTP service of one bounded context. */
export async function runService<C extends ServiceConfig>(
  descriptor: ServiceDescriptor<C>,
  options: RunServiceOptions<C> = {},
): Promise<RunningService> {
  const config = options.config ?? loadServiceConfig(descriptor);
  const release = await acquireStartupLock(descriptor.name, config);
  try {
    const runtime = await createRuntime(descriptor.name, config, options);
    try {
      return await startService({
        service: descriptor.name,
        description: descriptor.description,
        module: serviceRootModule(descriptor, runtime),
        config,
        port: options.port,
      });
    } catch (e) {
      await runtime.close().catch(() => undefined);
      throw e;
    }
  } finally {
    await release();
  }
}
