import { Controller, Get, Global, Injectable, Module, type Provider, type Type } from '@nestjs/common';
import { HealthRegistry, ServiceConfig } from '@alliance/nest-kit';
import { Test } from '@nestjs/testing';
import { defineContext } from './define-context';
import type { ServiceRuntime } from './service-runtime';

@Controller('demo')
class DemoController {
  @Get()
  get(): string {
    return 'ok';
  }
}

@Injectable()
class DemoAggregates {}

const log: string[] = [];
const WORK = Symbol('WORK');
const GREETING = Symbol('GREETING');

const DEMO_SERVICE = defineContext<ServiceConfig, { greeting?: string }>({
  name: 'demo-records',
  description: 'A context for the spec',
  defaultPort: 3999,
  configSchema: ServiceConfig,
  aggregates: DemoAggregates,
  controllers: [DemoController],
  providers: (runtime, options) => [
    { provide: GREETING, useValue: `${options.greeting ?? 'hello'} from ${runtime.service}` },
    { provide: WORK, useValue: { start: () => void log.push('work.start'), stop: () => void log.push('work.stop') } },
  ],
  lifecycle: { background: WORK },
});

/** What NestKitModule gives every service: the health registry, globally. */
@Global()
@Module({ providers: [{ provide: HealthRegistry, useValue: new HealthRegistry('demo-records') }], exports: [HealthRegistry] })
class HealthModule {}

const runtime = { service: 'demo-records', config: new ServiceConfig() } as unknown as ServiceRuntime;

describe('defineContext', () => {
  it('describes the service the executables run, from the declaration', () => {
    expect(DEMO_SERVICE).toMatchObject({ name: 'demo-records', description: 'A context for the spec', defaultPort: 3999 });
    expect(DEMO_SERVICE.configSchema).toBe(ServiceConfig);
  });

  it('builds one module class named for the context, with its controllers, aggregates, providers and lifecycle', () => {
    const built = DEMO_SERVICE.module(runtime);
    expect(built.module.name).toBe('DemoRecordsModule');
    expect(DEMO_SERVICE.module(runtime).module).toBe(built.module);
    expect(built.controllers).toEqual([DemoController]);
    const classes = (built.providers as Provider[]).filter((p): p is Type => typeof p === 'function');
    expect(classes).toContain(DemoAggregates);
    expect(classes.map((c) => c.name)).toContain('DemoRecordsLifecycle');
  });

  it('runs the declared background work with the module, and gives the providers the options of withOptions', async () => {
    log.length = 0;
    const withOptions = DEMO_SERVICE.withOptions({ greeting: 'hej' });
    const moduleRef = await Test.createTestingModule({ imports: [HealthModule, withOptions.module(runtime)] }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    expect(app.get(GREETING, { strict: false })).toBe('hej from demo-records');
    expect(log).toEqual(['work.start']);
    await app.close();
    expect(log).toEqual(['work.start', 'work.stop']);
  });
});
