import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadServiceConfig, type ServiceDescriptor, type ServiceRuntime } from '@alliance/service-runtime';
import type { Provider } from '@nestjs/common';
import { ALL_SERVICES } from './services';

// @nestjs/cqrs keeps, on each handler class, the command or query class it handles.
const COMMAND_HANDLER_METADATA = '__commandHandler__';
const QUERY_HANDLER_METADATA = '__queryHandler__';

type Class = abstract new (...args: never[]) => unknown;

const LIBS = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__fixtures__' || e.name === '__e2e__' ? [] : sourceFiles(full);
    return /\.ts$/.test(e.name) && !/\.spec\.ts$/.test(e.name) ? [full] : [];
  });
}

/** Every concrete class a context's application layer exports whose name says it is a command or a query. */
async function messageClasses(context: string, suffix: 'Command' | 'Query'): Promise<Class[]> {
  const found = new Set<Class>();
  for (const file of sourceFiles(path.join(LIBS, context, 'src', 'application'))) {
    for (const [name, value] of Object.entries((await import(file)) as Record<string, unknown>)) {
      if (typeof value === 'function' && name.endsWith(suffix) && /^class\b/.test(Function.prototype.toString.call(value))) {
        found.add(value as Class);
      }
    }
  }
  // A base class the context's messages extend (its own command base) is not a message itself.
  const all = [...found];
  return all.filter((c) => !all.some((other) => other !== c && c.isPrototypeOf(other)));
}

/** The classes a context's Nest module provides, as its descriptor builds the module for a runtime. */
function providedClasses(service: ServiceDescriptor): Class[] {
  const config = loadServiceConfig(service, {});
  // Only the module's provider list is read: no factory runs, so the runtime's adapters are never touched.
  const runtime = { service: service.name, config, eventStore: {}, bus: {} } as unknown as ServiceRuntime;
  const providers = (service.module(runtime).providers ?? []) as Provider[];
  return providers.flatMap((p) => (typeof p === 'function' ? [p as Class] : 'useClass' in p ? [p.useClass as Class] : []));
}

describe('every command and query of every context has exactly one handler, registered in its module', () => {
  for (const service of ALL_SERVICES) {
    const provided = providedClasses(service);
    const handled = (key: string) => provided.map((c) => Reflect.getMetadata(key, c) as Class | undefined).filter((c) => c !== undefined);

    it(`${service.name}: commands`, async () => {
      const commands = await messageClasses(service.name, 'Command');
      const handlers = handled(COMMAND_HANDLER_METADATA);
      expect(commands.length).toBeGreaterThan(0);
      const report = commands.map((c) => ({ command: c.name, handlers: handlers.filter((h) => h === c).length }));
      expect(report.filter((r) => r.handlers !== 1)).toEqual([]);
      // And no handler waits for a command the context does not define.
      expect(handlers.filter((h) => !commands.includes(h)).map((h) => h.name)).toEqual([]);
    });

    it(`${service.name}: queries`, async () => {
      const queries = await messageClasses(service.name, 'Query');
      const handlers = handled(QUERY_HANDLER_METADATA);
      const report = queries.map((q) => ({ query: q.name, handlers: handlers.filter((h) => h === q).length }));
      expect(report.filter((r) => r.handlers !== 1)).toEqual([]);
      expect(handlers.filter((h) => !queries.includes(h)).map((h) => h.name)).toEqual([]);
    });
  }
});
