import type { NewEvent, RecordedEvent } from '../envelope';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import type { PersonalDataVault } from './personal-data-vault';
import { openSealedValues, sealPaths, valueAt } from './sealed-values';

/** Which fields of an event type are a learner's personal data, and where the learner's id is. */
export interface SealingRule {
  /** Dot path of the learner id in the event data: the learner whose key seals the fields. */
  learnerId: string;
  /** Dot paths of the fields to seal (any JSON value: a string, a list of identifiers...). */
  fields: readonly string[];
}

export type SealingRules = Readonly<Record<string, SealingRule>>;

/**
 * A view of an event store that never writes the named personal fields in clear: on append they are sealed
 * with the learner's key (see `sealPaths`), on every read and subscription they are opened again, and once the
 * learner is erased they read as ERASED. The stored events, their hashes and the hash chain are those of the
 * sealed form; nothing stored is ever rewritten.
 */
export class SealingEventStore implements EventStore {
  readonly name: string;

  constructor(
    private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
    private readonly rules: SealingRules,
  ) {
    this.name = store.name;
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.store.appendToStream(streamId, await Promise.all(events.map((e) => this.seal(e))), options);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.open(await this.store.readStream(streamId, options));
  }

  streamRevision(streamId: string): Promise<number> {
    return this.store.streamRevision(streamId);
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.store.readAll(options)) yield (await this.open([event]))[0];
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return this.store.subscribeToAll({ ...options, handler: async (event) => options.handler((await this.open([event]))[0]) });
  }

  headPosition(): Promise<number> {
    return this.store.headPosition();
  }

  ping(): Promise<void> {
    return this.store.ping();
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private async seal(event: NewEvent): Promise<NewEvent> {
    const rule = this.rules[event.type];
    const learnerId = rule && valueAt(event.data, rule.learnerId);
    if (!rule || typeof learnerId !== 'string') return event;
    return { ...event, data: await sealPaths(this.vault, learnerId, event.data, rule.fields) };
  }

  private async open(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const sealed = events.filter((e) => this.rules[e.type]);
    if (sealed.length === 0) return events;
    const opened = new Map(sealed.map((e, i) => [e, i]));
    const data = await openSealedValues(
      this.vault,
      sealed.map((e) => e.data),
    );
    return events.map((e) => (opened.has(e) ? { ...e, data: data[opened.get(e)!] } : e));
  }
}
