import { InProcessBus, type IntegrationMessage } from '@alliance/messaging';
import { createContractRegistry } from './all-contracts';
import { learnerEnrolledV1, learnerErasedV1, LearnerErasedV1 } from './enrolment';
import { contractHandler, on } from './contract-handler';
import { VALID_PAYLOADS } from './__fixtures__/payloads.fixture';

const envelope = (n: number) => ({ eventId: `evt-${n}`, occurredAt: '2026-03-01T10:00:00.000Z', correlationId: `corr-${n}` });

async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('contractHandler', () => {
  let bus: InProcessBus;
  beforeEach(() => (bus = new InProcessBus()));
  afterEach(() => bus.close());

  it('hands typed payloads to their routes, skips unrouted types and dead-letters an unknown version with a readable reason', async () => {
    const erased: LearnerErasedV1[] = [];
    await bus.subscribe({
      group: 'issuance',
      sources: ['enrolment'],
      handler: contractHandler(createContractRegistry(), [on(learnerErasedV1, async (m) => void erased.push(m.payload))]),
    });
    const first = learnerErasedV1.message({ learnerId: 'l-1', erasedAt: '2026-03-01T10:00:00Z' }, envelope(1));
    const fromTheFuture: IntegrationMessage = {
      ...learnerErasedV1.message({ learnerId: 'l-2', erasedAt: '2026-03-01T10:00:00Z' }, envelope(2)),
      version: 2,
    };
    const unrouted = learnerEnrolledV1.message(VALID_PAYLOADS['enrolment.learner.enrolled.v1'] as never, envelope(3));
    const last = learnerErasedV1.message({ learnerId: 'l-3', erasedAt: '2026-03-01T10:00:00Z' }, envelope(4));
    await bus.publish([first, fromTheFuture, unrouted, last]);

    await until(() => erased.length === 2);
    expect(erased.map((p) => p.learnerId)).toEqual(['l-1', 'l-3']);
    expect(erased[0]).toBeInstanceOf(LearnerErasedV1);
    const letters = await bus.deadLetters.list({ group: 'issuance' });
    expect(letters.map((l) => l.reason)).toEqual([
      'unknown-version: enrolment.learner.erased v2 arrived but this consumer handles only v1',
    ]);
    expect(letters[0].attempts).toBe(1);
  });

  it('dead-letters an invalid payload naming the field', async () => {
    await bus.subscribe({
      group: 'audit',
      sources: ['enrolment'],
      handler: contractHandler(createContractRegistry(), [on(learnerErasedV1, async () => undefined)]),
    });
    const valid = learnerErasedV1.message({ learnerId: 'l-1', erasedAt: '2026-03-01T10:00:00Z' }, envelope(1));
    await bus.publish([{ ...valid, payload: { learnerId: 'l-1', erasedAt: 'yesterday' } }]);
    const [letter] = await bus.deadLetters.list({ group: 'audit' });
    expect(letter.reason).toBe('invalid-payload: enrolment.learner.erased.v1: erasedAt: must be an ISO 8601 date-time');
  });
});
