/**
 * A Kafka client (producer, admin) connected on first use and shared after: a failed connection is forgotten,
 * so the next use tries again.
 */
export class KafkaConnection<T extends { disconnect(): Promise<void> }> {
  private ready?: Promise<T>;

  constructor(private readonly connect: () => Promise<T>) {}

  get(): Promise<T> {
    this.ready ??= this.connect().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  /** Disconnects the client if it was connected; a failure to connect or disconnect is ignored. */
  async disconnect(): Promise<void> {
    const client = await this.ready?.catch(() => undefined);
    await client?.disconnect().catch(() => undefined);
  }
}
