import type { RecordedEvent } from '@alliance/event-sourcing';
import type { AuditSource } from '../audit-source';

/** An event the auditor gathered, with the store it came from and why it belongs to the story. */
export interface TracedEvent {
  store: string;
  /** What the event stands for in the credential's history. */
  step: ProvenanceStep;
  event: RecordedEvent;
}

export type ProvenanceStep =
  | 'definition'
  | 'approval'
  | 'publication'
  | 'institution'
  | 'signing-key'
  | 'enrolment'
  | 'result'
  | 'amendment'
  | 'award'
  | 'draft'
  | 'signature'
  | 'issuance'
  | 'status'
  | 'verification';

/** Reads the raw stores by name; a store that is not audited reads as empty. */
export class HistoryReader {
  constructor(private readonly sources: AuditSource[]) {}

  has(store: string): boolean {
    return this.sources.some((s) => s.name === store);
  }

  async stream(store: string, streamId: string): Promise<RecordedEvent[]> {
    const source = this.sources.find((s) => s.name === store);
    return source ? source.store.readStream(streamId) : [];
  }

  /** Scans one store for events whose data names a value (narrowed by type when the types are known). */
  async scan(store: string, match: (data: Record<string, unknown>) => boolean, eventTypes?: readonly string[]): Promise<RecordedEvent[]> {
    const source = this.sources.find((s) => s.name === store);
    if (!source) return [];
    const found: RecordedEvent[] = [];
    const filter = eventTypes?.length ? { eventTypes: [...eventTypes] } : undefined;
    for await (const e of source.store.readAll({ batchSize: 2000, ...(filter ? { filter } : {}) })) {
      if (e.data && typeof e.data === 'object' && match(e.data as Record<string, unknown>)) found.push(e);
    }
    return found;
  }
}
