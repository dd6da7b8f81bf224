import { catalogueForSuite } from './catalogue-suite.fixture';

describe('catalogue health', () => {
  const svc = catalogueForSuite();

  it('is ready once its event store, bus, read model and outbox answer', async () => {
    const res = await svc.http().get('/health/ready');
    expect(res.body).toMatchObject({
      status: 'ok',
      checks: { eventStore: { status: 'up' }, bus: { status: 'up' }, readModel: { status: 'up' }, outbox: { status: 'up' } },
    });
  });
});
