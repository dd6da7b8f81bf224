import { KafkaConnection } from './kafka-connection';

const client = () => ({ disconnect: jest.fn(async () => undefined) });

describe('Kafka connection', () => {
  it('connects once and shares the client', async () => {
    const connected = client();
    const connect = jest.fn(async () => connected);
    const connection = new KafkaConnection(connect);
    const [a, b] = await Promise.all([connection.get(), connection.get()]);
    expect(a).toBe(connected);
    expect(b).toBe(connected);
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed connection, so the next use connects again', async () => {
    const connected = client();
    const connect = jest.fn().mockRejectedValueOnce(new Error('broker down')).mockResolvedValueOnce(connected);
    const connection = new KafkaConnection(connect);
    await expect(connection.get()).rejects.toThrow('broker down');
    await expect(connection.get()).resolves.toBe(connected);
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('disconnects a connected client, and nothing when it never connected or failed to', async () => {
    const connected = client();
    const connection = new KafkaConnection(async () => connected);
    await connection.get();
    await connection.disconnect();
    expect(connected.disconnect).toHaveBeenCalledTimes(1);

    await expect(new KafkaConnection(async () => client()).disconnect()).resolves.toBeUndefined();
    const failing = new KafkaConnection<ReturnType<typeof client>>(() => Promise.reject(new Error('broker down')));
    await expect(failing.get()).rejects.toThrow('broker down');
    await expect(failing.disconnect()).resolves.toBeUndefined();
  });
});
