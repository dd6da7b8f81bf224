import type { RecordedEvent } from '../envelope';
import { repairRecordedEvent } from './repair-unstorable-text';
import type { UpcastFn, Upcaster } from './upcaster';
import { SchemaVersionError } from './schema-version.error';

/**
 * The schema history of event types: which version is current, and the steps that bring older stored
 * events to it on read. Stored events are never rewritten; old shapes live on only as upcasters here.
 *
 * Types never registered are at version 1 and pass through unchanged.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Map<number, UpcastFn>>();
  private readonly declared = new Map<string, number>();

  /** Registers the step `fromVersion -> fromVersion + 1` for `type`. Chainable. */
  register<TFrom = unknown, TTo = unknown>(type: string, fromVersion: number, upcast: UpcastFn<TFrom, TTo>): this {
    if (!Number.isInteger(fromVersion) || fromVersion < 1) {
      throw new RangeError(`Upcaster for ${type}: fromVersion must be an integer >= 1, got ${fromVersion}`);
    }
    const byVersion = this.steps.get(type) ?? new Map<number, UpcastFn>();
    if (byVersion.has(fromVersion)) throw new Error(`Upcaster for ${type} v${fromVersion} is registered twice`);
    byVersion.set(fromVersion, upcast as UpcastFn);
    this.steps.set(type, byVersion);
    return this;
  }

  /** Registers several steps at once (e.g. a context's list). Chainable. */
  registerAll(upcasters: readonly Upcaster[]): this {
    for (const u of upcasters) this.register(u.type, u.fromVersion, u.upcast);
    return this;
  }

  /**
   * States the current version of a type explicitly: needed when a new version changes meaning but not
   * shape (no step), and a guard that the steps registered reach it.
   */
  declareCurrent(type: string, version: number): this {
    this.declared.set(type, version);
    return this;
  }

  /** The version new events of `type` are written with. */
  currentVersion(type: string): number {
    const declared = this.declared.get(type);
    const byVersion = this.steps.get(type);
    const fromSteps = byVersion ? Math.max(...byVersion.keys()) + 1 : 1;
    return Math.max(declared ?? 1, fromSteps);
  }

  /**
   * Brings a stored event to the current shape of its type; returns the same object when nothing changes.
   * Text no read model can hold (a NUL, an unpaired surrogate, in events stored before appends refused it)
   * is repaired first, whatever the type: see `repairRecordedEvent`.
   */
  upcast<T = unknown>(recorded: RecordedEvent): RecordedEvent<T> {
    const event = repairRecordedEvent(recorded);
    const current = this.currentVersion(event.type);
    const stored = event.schemaVersion ?? 1;
    if (stored === current) return event as RecordedEvent<T>;
    if (stored > current) {
      throw new SchemaVersionError(event.type, stored, current, 'written by a newer schema');
    }
    const byVersion = this.steps.get(event.type);
    let data = event.data;
    for (let v = stored; v < current; v++) {
      const step = byVersion?.get(v);
      if (!step) {
        // A declared bump without a step is a change of meaning only: the data keeps its shape.
        if (byVersion && [...byVersion.keys()].some((k) => k > v)) {
          throw new SchemaVersionError(event.type, stored, current, `no upcaster from v${v}`);
        }
        continue;
      }
      data = step(data, { ...event, schemaVersion: v, data });
    }
    return { ...event, schemaVersion: current, data: data as T };
  }
}
