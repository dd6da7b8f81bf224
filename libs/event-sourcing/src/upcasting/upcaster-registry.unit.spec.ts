import type { RecordedEvent } from '../envelope';
import { UpcasterRegistry } from './upcaster-registry';
import { isSchemaVersionError } from './schema-version.error';

const stored = (type: string, schemaVersion: number, data: unknown): RecordedEvent => ({
  eventId: 'e1',
  streamId: 'demo.thing-1',
  revision: 0,
  position: 1,
  type,
  schemaVersion,
  data,
  metadata: { occurredAt: '2026-01-01T00:00:00.000Z', actor: { subject: 'u' }, correlationId: 'c' },
  previousHash: null,
  hash: 'h',
});

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry()
    .register<{ name: string }, { title: string }>('demo.renamed', 1, (d) => ({ title: d.name }))
    .register<{ title: string }, { title: string; ects: number }>('demo.renamed', 2, (d) => ({ ...d, ects: 5 }));

  it('reports the current version per type (1 for unknown types)', () => {
    expect(registry.currentVersion('demo.renamed')).toBe(3);
    expect(registry.currentVersion('demo.other')).toBe(1);
  });

  it('chains steps from the stored version to the current one', () => {
    const e = registry.upcast(stored('demo.renamed', 1, { name: 'X' }));
    expect(e.schemaVersion).toBe(3);
    expect(e.data).toEqual({ title: 'X', ects: 5 });
    expect(registry.upcast(stored('demo.renamed', 2, { title: 'Y' })).data).toEqual({ title: 'Y', ects: 5 });
  });

  it('returns current events untouched, without copying', () => {
    const e = stored('demo.renamed', 3, { title: 'Z', ects: 1 });
    expect(registry.upcast(e)).toBe(e);
  });

  it('does not mutate the stored event', () => {
    const e = stored('demo.renamed', 1, { name: 'X' });
    registry.upcast(e);
    expect(e).toEqual(stored('demo.renamed', 1, { name: 'X' }));
  });

  it('refuses events written by a newer schema', () => {
    expect(() => registry.upcast(stored('demo.renamed', 4, {}))).toThrow(expect.objectContaining({ code: 'SCHEMA_VERSION_UNSUPPORTED' }));
  });

  it('refuses a chain with a missing step', () => {
    const gap = new UpcasterRegistry().register('demo.gap', 2, (d) => d);
    let caught: unknown;
    try {
      gap.upcast(stored('demo.gap', 1, {}));
    } catch (e) {
      caught = e;
    }
    expect(isSchemaVersionError(caught)).toBe(true);
  });

  it('lets a declared meaning-only bump pass data through', () => {
    const r = new UpcasterRegistry().declareCurrent('demo.meaning', 2);
    expect(r.currentVersion('demo.meaning')).toBe(2);
    expect(r.upcast(stored('demo.meaning', 1, { a: 1 })).data).toEqual({ a: 1 });
  });

  it('rejects duplicate and invalid registrations', () => {
    expect(() => new UpcasterRegistry().register('t', 1, (d) => d).register('t', 1, (d) => d)).toThrow(/twice/);
    expect(() => new UpcasterRegistry().register('t', 0, (d) => d)).toThrow(RangeError);
  });
});
