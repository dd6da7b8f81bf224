import { Test } from '@nestjs/testing';
import { HealthRegistry } from '@alliance/nest-kit';
import { type BackgroundWork, ServiceLifecycle, type ServiceLifecycleTokens } from './service-lifecycle';

const DATABASE = Symbol('DATABASE');
const RELAY = Symbol('RELAY');
const TIMER = Symbol('TIMER');

/** A class token, as services provide their read model. */
class DemoReadModel implements BackgroundWork {
  constructor(private readonly log: string[]) {}
  async start(health?: HealthRegistry): Promise<void> {
    this.log.push(`readModel.start(${health?.service})`);
  }
  async stop(): Promise<void> {
    this.log.push('readModel.stop');
  }
}

const work = (name: string, log: string[]): BackgroundWork => ({
  start: async (health) => void log.push(`${name}.start(${health?.service})`),
  stop: () => void log.push(`${name}.stop`),
});

async function run(tokens: ServiceLifecycleTokens, onStarted?: (log: string[]) => void) {
  const log: string[] = [];
  class DemoLifecycle extends ServiceLifecycle(tokens) {}
  const moduleRef = await Test.createTestingModule({
    providers: [
      { provide: HealthRegistry, useValue: new HealthRegistry('demo') },
      // The lifecycle first: what it runs may be created after it.
      DemoLifecycle,
      { provide: DATABASE, useValue: { close: async () => void log.push('database.close') } },
      { provide: RELAY, useValue: work('relay', log) },
      { provide: TIMER, useValue: work('timer', log) },
      { provide: DemoReadModel, useValue: new DemoReadModel(log) },
    ],
  }).compile();
  const app = moduleRef.createNestApplication();
  await app.init();
  onStarted?.([...log]);
  await app.close();
  return log;
}

describe('ServiceLifecycle', () => {
  it('starts the read model before the background work, stops the background work first (in reverse), and closes the database last', async () => {
    let started: string[] = [];
    const log = await run({ database: DATABASE, readModel: DemoReadModel, background: [RELAY, TIMER] }, (l) => (started = l));
    expect(started).toEqual(['readModel.start(demo)', 'relay.start(demo)', 'timer.start(demo)']);
    expect(log.slice(started.length)).toEqual(['timer.stop', 'relay.stop', 'readModel.stop', 'database.close']);
  });

  it('stops at application shutdown when told so, in the same order, and runs a service without a read model', async () => {
    const log = await run({ database: DATABASE, background: RELAY, stopAt: 'application-shutdown' });
    expect(log).toEqual(['relay.start(demo)', 'relay.stop', 'database.close']);
  });

  it('stops only what started: a background start that fails leaves the read model to be stopped', async () => {
    const log: string[] = [];
    const failing: BackgroundWork = { start: () => Promise.reject(new Error('broker down')), stop: () => void log.push('relay.stop') };
    class FailingLifecycle extends ServiceLifecycle({ readModel: DemoReadModel, background: RELAY }) {}
    const moduleRef = await Test.createTestingModule({
      providers: [
        { provide: HealthRegistry, useValue: new HealthRegistry('demo') },
        FailingLifecycle,
        { provide: RELAY, useValue: failing },
        { provide: DemoReadModel, useValue: new DemoReadModel(log) },
      ],
    }).compile();
    const app = moduleRef.createNestApplication();
    await expect(app.init()).rejects.toThrow('broker down');
    await app.close();
    expect(log).toEqual(['readModel.start(demo)', 'readModel.stop']);
  });
});
