import { type CatalogueApp, startCatalogue } from './catalogue-app';

describe('catalogue health', () => {
  let svc: CatalogueApp;
  beforeAll(async () => {
    svc = await startCatalogue();
  }, 60_000);
  afterAll(() => svc?.close());

  it('is ready once its event store, bus, read model and outbox answer', async () => {
    const res = await svc.http().get('/health/ready');
    expect(res.body).toMatchObject({
      status: 'ok',
      checks: { eventStore: { status: 'up' }, bus: { status: 'up' }, readModel: { status: 'up' }, outbox: { status: 'up' } },
    });
  });
});
