import { Test } from '@nestjs/testing';
import { HealthRegistry } from '@alliance/nest-kit';
import { type BackgroundWork, ReadSideLifecycle } from './read-side-lifecycle';

const DATABASE = Symbol('DATABASE');
const INTEGRATION = Symbol('INTEGRATION');

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

class DemoLifecycle extends ReadSideLifecycle({ database: DATABASE, readModel: DemoReadModel, integration: INTEGRATION }) {}

describe('ReadSideLifecycle', () => {
  it('starts the read model before the integration, stops the integration first, and closes the database last', async () => {
    const log: string[] = [];
    const integration: BackgroundWork = {
      start: async (health) => void log.push(`integration.start(${health?.service})`),
      stop: async () => void log.push('integration.stop'),
    };
    const moduleRef = await Test.createTestingModule({
      providers: [
        { provide: HealthRegistry, useValue: new HealthRegistry('demo') },
        { provide: DATABASE, useValue: { close: async () => void log.push('database.close') } },
        { provide: INTEGRATION, useValue: integration },
        { provide: DemoReadModel, useValue: new DemoReadModel(log) },
        DemoLifecycle,
      ],
    }).compile();
    const app = moduleRef.createNestApplication();

    await app.init();
    expect(log).toEqual(['readModel.start(demo)', 'integration.start(demo)']);

    await app.close();
    expect(log).toEqual(['readModel.start(demo)', 'integration.start(demo)', 'integration.stop', 'readModel.stop', 'database.close']);
  });
});
