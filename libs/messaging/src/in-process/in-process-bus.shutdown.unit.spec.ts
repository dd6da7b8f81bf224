import { testMessages } from '../testing/test-messages';
import { InProcessBus } from './in-process-bus';
import { GroupUnavailableError } from './in-process-group';

/** Whether `promise` settled within `ms`, and how. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<'pending' | 'resolved' | Error> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<'pending'>((r) => (timer = setTimeout(() => r('pending'), ms)));
  const outcome = await Promise.race([
    promise.then(
      () => 'resolved' as const,
      (e: Error) => e,
    ),
    pending,
  ]);
  clearTimeout(timer);
  return outcome;
}

/**
 * The in-process bus keeps messages in memory only, so a publisher (an outbox relay) may take a message for
 * delivered only once the group that needs it has it: never because the group's service stopped while the
 * process shuts down, nor because the group had not subscribed yet while the process starts its services.
 */
describe('in-process bus while services start and stop', () => {
  let bus: InProcessBus;
  beforeEach(() => (bus = new InProcessBus({ partitions: 2, retry: { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 20 } })));
  afterEach(() => bus.close());

  it('while closing, refuses at once what is published to a group whose service already stopped, and still delivers to running ones', async () => {
    const delivered: string[] = [];
    const issuance = await bus.subscribe({
      group: 'issuance',
      sources: ['assessment'],
      handler: async () => void delivered.push('issuance'),
    });
    await bus.subscribe({ group: 'audit', sources: ['catalogue'], handler: async () => void delivered.push('audit') });
    bus.beginClosing();
    await issuance.stop();
    await expect(bus.publish(testMessages('assessment', 1, 1))).rejects.toBeInstanceOf(GroupUnavailableError);
    await expect(bus.publish(testMessages('catalogue', 1, 1))).resolves.toBeUndefined();
    expect(delivered).toEqual(['audit']);
  });

  it('rejects a publisher whose message a member was still handling when the last member left during shutdown', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const handling = new Promise<void>((r) => (started = r));
    const consumer = await bus.subscribe({
      group: 'issuance',
      sources: ['assessment'],
      handler: async () => {
        started();
        await blocked;
        throw new Error('the store closed under the handler');
      },
    });
    const publishing = bus.publish(testMessages('assessment', 1, 1));
    await handling;
    bus.beginClosing();
    const stopping = consumer.stop();
    release();
    await stopping;
    expect(await settledWithin(publishing, 1_000)).toBeInstanceOf(GroupUnavailableError);
  });

  it('holds publishes until released, so that a group subscribing meanwhile receives and acknowledges them', async () => {
    const release = bus.holdPublishes();
    const publishing = bus.publish(testMessages('catalogue', 2, 1));
    expect(await settledWithin(publishing, 50)).toBe('pending');
    const seen: number[] = [];
    await bus.subscribe({
      group: 'enrolment',
      sources: ['catalogue'],
      handler: async (m) => void seen.push((m.payload as { n: number }).n),
    });
    release();
    expect(await settledWithin(publishing, 2_000)).toBe('resolved');
    expect(seen).toEqual([0, 1]);
  });

  it('rejects held publishes when the bus closes before they were released', async () => {
    bus.holdPublishes();
    const publishing = bus.publish(testMessages('catalogue', 1, 1));
    await bus.close();
    expect(await settledWithin(publishing, 1_000)).toBeInstanceOf(Error);
  });
});
