import { KafkaBus, listDeadLetters, type IntegrationMessage } from '@alliance/messaging';
import { KAFKA_BROKERS, testKafka, uniqueName } from '@alliance/testing';
import { createContractRegistry } from './all-contracts';
import { credentialSpecPublishedV1, CredentialSpecPublishedV1 } from './catalogue';
import { contractHandler, on } from './contract-handler';
import { VALID_PAYLOADS } from './__fixtures__/payloads.fixture';

jest.setTimeout(60_000);

async function until(check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a contract consumer on Kafka', () => {
  let bus: KafkaBus;
  beforeAll(() => {
    bus = new KafkaBus({
      brokers: KAFKA_BROKERS,
      clientId: 'contracts',
      topicPrefix: `${uniqueName('contracts')}.`,
      partitions: 3,
      logLevel: 'nothing',
    });
  });
  afterAll(() => bus.close());

  it('dead-letters an unknown version and a malformed record with readable reasons and processes the next message', async () => {
    const group = uniqueName('assessment');
    const specs: CredentialSpecPublishedV1[] = [];
    await bus.subscribe({
      group,
      sources: ['catalogue'],
      handler: contractHandler(createContractRegistry(), [on(credentialSpecPublishedV1, async (m) => void specs.push(m.payload))]),
    });
    const payload = VALID_PAYLOADS['catalogue.credential-spec.published.v1'] as unknown as CredentialSpecPublishedV1;
    const envelope = (n: number) => ({
      eventId: `0197a3c4-0000-7000-8000-00000000000${n}`,
      occurredAt: '2026-03-01T10:00:00.000Z',
      correlationId: `c-${n}`,
    });
    const fromTheFuture: IntegrationMessage = { ...credentialSpecPublishedV1.message(payload, envelope(1)), version: 2 };
    await bus.publish([fromTheFuture]);

    const producer = testKafka('foreign').producer();
    await producer.connect();
    await producer.send({
      topic: bus.topics.source('catalogue'),
      messages: [{ key: 'spec-1', value: JSON.stringify(payload), headers: { 'event-type': credentialSpecPublishedV1.type } }],
    });
    await producer.disconnect();

    await bus.publish([credentialSpecPublishedV1.message({ ...payload, version: 2 }, envelope(3))]);
    await until(() => specs.length === 1);
    expect(specs[0]).toMatchObject({ credentialSpecId: 'spec-1', version: 2 });

    let reasons: string[] = [];
    await until(async () => (reasons = (await listDeadLetters(bus.deadLetters, { group })).map((l) => l.reason)).length === 2);
    expect(reasons).toEqual([
      'unknown-version: catalogue.credential-spec.published v2 arrived but this consumer handles only v1',
      'malformed message: missing header(s) event-id, event-version, source',
    ]);
  });
});
