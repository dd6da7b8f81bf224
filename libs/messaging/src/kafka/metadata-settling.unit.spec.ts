import { whileMetadataSettles } from './metadata-settling';

const retriable = () => Object.assign(new Error('This server does not host this topic-partition'), { retriable: true });

describe('whileMetadataSettles', () => {
  it('tries again while Kafka answers with a retriable error, and answers what the action finally returns', async () => {
    let calls = 0;
    const value = await whileMetadataSettles(async () => {
      if (++calls < 3) throw retriable();
      return 'subscribed';
    });
    expect(value).toBe('subscribed');
    expect(calls).toBe(3);
  });

  it('gives up at once on an error that is not retriable, and after the last attempt on one that is', async () => {
    let calls = 0;
    await expect(
      whileMetadataSettles(async () => {
        calls++;
        throw new Error('SASL authentication failed');
      }),
    ).rejects.toThrow('SASL authentication failed');
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      whileMetadataSettles(async () => {
        calls++;
        throw retriable();
      }, 2),
    ).rejects.toThrow('does not host');
    expect(calls).toBe(2);
  });
});
