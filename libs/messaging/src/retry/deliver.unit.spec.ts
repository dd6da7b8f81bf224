import { encodeMessage } from '../codec/wire-record';
import { testMessages } from '../testing/test-messages';
import { deliver } from './deliver';
import { retryPolicy } from './retry-policy';

const [message] = testMessages('demo', 1, 1);
const context = { group: 'g', topic: 'demo', partition: 0, offset: '0', replayed: false };
const policy = retryPolicy({ maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 1_000 });
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('deliver', () => {
  it('retries a handler failing on a full disk past maxAttempts, with growing back-off, and never dead-letters the message', async () => {
    let calls = 0;
    const delays: number[] = [];
    const outcome = await deliver(encodeMessage(message), {
      handler: async () => {
        if (++calls <= 10) throw enospc();
      },
      policy,
      context,
      isActive: () => true,
      sleep: async (ms) => void delays.push(ms),
    });
    expect(outcome).toEqual({ status: 'handled', attempts: 11 });
    expect(delays).toHaveLength(10);
    expect(delays.at(-1)).toBeGreaterThan(delays[0]! * 10);
  });

  it('still dead-letters after maxAttempts for other failures, storage faults between them not counted', async () => {
    let calls = 0;
    const outcome = await deliver(encodeMessage(message), {
      handler: async () => {
        calls++;
        throw calls % 2 === 0 ? enospc() : new Error('the handler is broken');
      },
      policy,
      context,
      isActive: () => true,
      sleep: async () => undefined,
    });
    expect(outcome).toMatchObject({ status: 'dead-letter', attempts: 5, reason: expect.stringContaining('the handler is broken') });
  });

  it('stops retrying a full disk once the consumer stops, leaving the message unacknowledged', async () => {
    let active = true;
    const outcome = await deliver(encodeMessage(message), {
      handler: async () => {
        throw enospc();
      },
      policy,
      context,
      isActive: () => active,
      sleep: async () => void (active = false),
    });
    expect(outcome).toEqual({ status: 'aborted', attempts: 1 });
  });
});
