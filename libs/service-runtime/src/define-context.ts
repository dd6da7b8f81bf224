import { type DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import type { ServiceConfig } from '@alliance/nest-kit';
import type { ServiceDescriptor } from './service-descriptor';
import { ServiceLifecycle, type ServiceLifecycleTokens } from './service-lifecycle';
import type { ServiceRuntime } from './service-runtime';

/**
 * A bounded context as data: what it is called and where it listens, its configuration class, its aggregates,
 * its HTTP controllers, its command and query handlers, whatever else it provides for a runtime, and its
 * background work. `defineContext` builds the Nest module and the service descriptor from it.
 */
export interface ContextDefinition<C extends ServiceConfig, O extends object = object> {
  name: string;
  description: string;
  defaultPort: number;
  /** ServiceConfig or the context's subclass with its own settings. */
  configSchema: new () => C;
  /** The context's aggregates (`class XAggregates extends aggregatesClass(X_AGGREGATES)`), provided by their class. */
  aggregates?: Type;
  controllers?: Type[];
  /** Its `@CommandHandler` classes, dispatched through @nestjs/cqrs's CommandBus. */
  commandHandlers?: Type[];
  /** Its `@QueryHandler` classes, dispatched through the QueryBus. */
  queryHandlers?: Type[];
  /** Everything else it provides (ports and their adapters, read models, settings), built for a runtime. */
  providers?: (runtime: ServiceRuntime<C>, options: O) => Provider[];
  /** Its background work, and when it starts and stops. */
  lifecycle?: ServiceLifecycleTokens;
}

/** A context's service descriptor, and the same context with options an executable or a test gives it. */
export interface ContextDescriptor<C extends ServiceConfig, O extends object = object> extends ServiceDescriptor<C> {
  /** The context's module classes and lists, for specs that look at how it is wired. */
  readonly definition: ContextDefinition<C, O>;
  withOptions(options: O): ServiceDescriptor<C>;
}

/** Names a generated class, as Nest's errors and logs show it. */
function named<T extends object>(target: T, name: string): T {
  return Object.defineProperty(target, 'name', { value: name });
}

const pascal = (name: string) => name.replace(/(^|-)([a-z])/g, (_, __: string, c: string) => c.toUpperCase());

/** Builds a context's Nest module and service descriptor from its definition (see ContextDefinition). */
export function defineContext<C extends ServiceConfig, O extends object = object>(
  definition: ContextDefinition<C, O>,
): ContextDescriptor<C, O> {
  // One module class per context, named for it (Nest tells modules apart by class, and names them in errors).
  const moduleClass = { [`${pascal(definition.name)}Module`]: class {} }[`${pascal(definition.name)}Module`]!;
  Module({})(moduleClass);
  const lifecycle = definition.lifecycle ? [named(ServiceLifecycle(definition.lifecycle), `${pascal(definition.name)}Lifecycle`)] : [];

  const module = (runtime: ServiceRuntime<C>, options: O): DynamicModule => ({
    module: moduleClass,
    controllers: definition.controllers ?? [],
    providers: [
      ...(definition.providers?.(runtime, options) ?? []),
      ...(definition.aggregates ? [definition.aggregates] : []),
      ...(definition.commandHandlers ?? []),
      ...(definition.queryHandlers ?? []),
      ...lifecycle,
    ],
  });

  const describe = (options: O): ServiceDescriptor<C> => ({
    name: definition.name,
    description: definition.description,
    defaultPort: definition.defaultPort,
    configSchema: definition.configSchema,
    module: (runtime) => module(runtime, options),
  });

  return { ...describe({} as O), definition, withOptions: describe };
}
