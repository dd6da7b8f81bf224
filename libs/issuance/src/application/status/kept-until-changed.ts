/** What a build yields: the value, and whether it may be kept until its group changes. */
export interface Built<V> {
  value: V;
  keep: boolean;
}

/**
 * Values kept in memory until the data they were built from changes (`changed(group)`), never by age.
 * Requests for a key being built share that build. A build that overlapped a change of its group answers
 * the requests that joined it before the change, but is not kept: the next request builds from the new data.
 * At most `maxEntries` values are kept; beyond, the oldest kept is dropped.
 */
export class KeptUntilChanged<V> {
  private readonly kept = new Map<string, { group: string; value: V }>();
  private readonly building = new Map<string, { group: string; promise: Promise<V> }>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly maxEntries = 1000) {}

  /** The kept value of a key, if any (nothing is built). */
  peek(key: string): V | undefined {
    return this.kept.get(key)?.value;
  }

  get(key: string, group: string, build: () => Promise<Built<V>>): Promise<V> {
    const kept = this.kept.get(key);
    if (kept) return Promise.resolve(kept.value);
    const inFlight = this.building.get(key);
    if (inFlight) return inFlight.promise;
    const generation = this.generation(group);
    const promise = build().then(({ value, keep }) => {
      if (keep && this.generation(group) === generation) this.keep(key, group, value);
      return value;
    });
    const entry = { group, promise };
    this.building.set(key, entry);
    const done = () => {
      if (this.building.get(key) === entry) this.building.delete(key);
    };
    promise.then(done, done);
    return promise;
  }

  /** The data behind `group` changed: its kept values are dropped, and builds under way will not be kept. */
  changed(group: string): void {
    this.generations.set(group, this.generation(group) + 1);
    for (const [key, e] of this.kept) if (e.group === group) this.kept.delete(key);
    for (const [key, e] of this.building) if (e.group === group) this.building.delete(key);
  }

  get size(): number {
    return this.kept.size;
  }

  private generation(group: string): number {
    return this.generations.get(group) ?? 0;
  }

  private keep(key: string, group: string, value: V): void {
    if (!this.kept.has(key) && this.kept.size >= this.maxEntries) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(key, { group, value });
  }
}
