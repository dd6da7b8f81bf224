import { InProcessBus } from '../in-process/in-process-bus';
import type { IntegrationMessage } from '../integration-bus.port';
import type { RelayStatus } from '../relay/outbox-relay';
import { consumerHealthCheck, outboxHealthCheck } from './messaging-health-checks';

const message = (n: number): IntegrationMessage => ({
  eventId: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  type: 'catalogue.institution.registered',
  version: 1,
  key: 'inst-1',
  source: 'catalogue',
  occurredAt: '2026-12-01T10:00:00.000Z',
  correlationId: 'c-1',
  payload: { n },
});

const eventually = async (assertion: () => Promise<void>) => {
  for (let i = 0; ; i++) {
    try {
      return await assertion();
    } catch (e) {
      if (i > 200) throw e;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
};

describe('readiness checks of the messaging side', () => {
  it('report the consumer group lag while messages wait, and zero once handled', async () => {
    const bus = new InProcessBus({ partitions: 1 });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const consumer = await bus.subscribe({ group: 'issuance', sources: ['catalogue'], handler: () => gate });
    const check = consumerHealthCheck(() => consumer);
    try {
      const published = bus.publish([message(1), message(2), message(3)]);
      await eventually(async () => expect((await check.check()).lag).toBeGreaterThanOrEqual(2));
      expect(await check.check()).toMatchObject({ group: 'issuance', partitions: [expect.objectContaining({ topic: 'catalogue' })] });
      release();
      await published;
      await eventually(async () => expect(await check.check()).toEqual({ group: 'issuance', lag: 0, partitions: [] }));
    } finally {
      await consumer.stop();
      await bus.close();
    }
  });

  it('fail until the consumer exists', async () => {
    await expect(consumerHealthCheck(() => undefined).check()).rejects.toThrow('not subscribed yet');
  });

  it('report the relay position and lag, and fail with the last error once it stopped', async () => {
    const status: RelayStatus = { name: 'catalogue', running: true, position: 40, head: 42, lag: 2, published: 38 };
    const relay = { status: async () => status };
    expect(await outboxHealthCheck(relay).check()).toEqual({ position: 40, head: 42, lag: 2, published: 38 });
    Object.assign(status, { running: false, lastError: 'mapper failed at 41' });
    await expect(outboxHealthCheck(relay).check()).rejects.toThrow('outbox relay stopped: mapper failed at 41');
  });
});
