import type { RecordedEvent } from '@alliance/event-sourcing';
import type { AuditSource } from './audit-source';
import { AuditException } from '../domain/audit.exception';

/**
 * How to fold one kind of stream into state. Contexts own their evolve functions; the audit executable
 * registers them (the audit library itself never imports a context).
 */
export interface StreamFolder<S = unknown> {
  /** Stream id prefix it applies to, e.g. `catalogue.credential-spec-`. */
  streamPrefix: string;
  initialState: () => S;
  evolve: (state: S, event: RecordedEvent) => S;
}

export interface PointInTimeState {
  store: string;
  streamId: string;
  at: string;
  /** Revision of the last event applied, -1 when the stream did not exist yet at that instant. */
  revision: number;
  eventsApplied: number;
  lastEventAt?: string;
  state: unknown;
  /** True when no folder is registered and the state is the list of event data, in order. */
  generic: boolean;
}

/** Replays one stream up to an instant. */
export class StateReplayer {
  constructor(
    private readonly sources: AuditSource[],
    private readonly folders: StreamFolder[] = [],
  ) {}

  async stateAt(streamId: string, at: string): Promise<PointInTimeState> {
    const source = this.sourceOf(streamId);
    const folder = this.folders.find((f) => streamId.startsWith(f.streamPrefix));
    const events = (await source.store.readStream(streamId)).filter((e) => e.metadata.occurredAt <= at);
    const state = folder
      ? events.reduce((s, e) => folder.evolve(s, e), folder.initialState())
      : events.map((e) => ({ type: e.type, revision: e.revision, occurredAt: e.metadata.occurredAt, data: e.data }));
    const last = events.at(-1);
    return {
      store: source.name,
      streamId,
      at,
      revision: last?.revision ?? -1,
      eventsApplied: events.length,
      ...(last ? { lastEventAt: last.metadata.occurredAt } : {}),
      state,
      generic: !folder,
    };
  }

  /** Stream ids are `<context>.<aggregate>-<id>`: the context names the store. */
  private sourceOf(streamId: string): AuditSource {
    const context = streamId.split('.')[0];
    const source = this.sources.find((s) => s.name === context);
    if (!source) {
      const known = this.sources.map((s) => s.name).join(', ');
      throw new AuditException(
        'audit.unknown-stream',
        `no audited store holds ${streamId}; stream ids start with one of: ${known}`,
        'streamId',
      );
    }
    return source;
  }
}
