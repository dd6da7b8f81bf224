import { createHash } from 'node:crypto';
import type { Verdict } from '../../domain/report/verdict';

export interface ResultCacheOptions {
  /** How long a result is reused for the same document; 0 turns the cache off. */
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

interface Entry<T> {
  at: number;
  generation: number;
  issued: number;
  value: Promise<T>;
  settled?: T;
}

/**
 * The outcome of checking one document, reused for byte-identical documents presented again within a short
 * time while nothing it depends on changed: the caller keys it by the document and what its status lists say
 * now, and any registry or credential-status message received clears it
 * (`changed('any')`), a newly issued credential stops the reuse of results that were not valid (`changed('issued')`).
 * The TTL bounds how late a change nobody announced (a validity date passing, a DID document edited) is seen. Concurrent checks of the same document
 * share one computation. Least recently stored out first beyond `maxEntries`.
 */
export class VerificationResultCache<T extends { verdict: Verdict }> {
  private readonly entries = new Map<string, Entry<T>>();
  private generation = 0;
  private issued = 0;
  private readonly now: () => number;

  constructor(private readonly options: ResultCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The document's key: a SHA-256 of its JSON text as parsed, so any change of content is another key. */
  static keyOf(document: unknown): string {
    return createHash('sha256')
      .update(JSON.stringify(document) ?? 'undefined')
      .digest('base64url');
  }

  /** `reusable`: whether a result may serve later checks (it still serves the checks already waiting for it). */
  async get(key: string, compute: () => Promise<T>, reusable: (result: T) => boolean = () => true): Promise<T> {
    if (this.options.ttlMs <= 0 || this.options.maxEntries <= 0) return compute();
    const now = this.now();
    const hit = this.entries.get(key);
    if (
      hit &&
      hit.generation === this.generation &&
      now - hit.at < this.options.ttlMs &&
      (hit.issued === this.issued || hit.settled?.verdict === 'valid')
    )
      return hit.value;
    this.entries.delete(key);
    const value = compute();
    const entry: Entry<T> = { at: now, generation: this.generation, issued: this.issued, value };
    this.entries.set(key, entry);
    // A failed check is never reused.
    value.then(
      (result) => {
        entry.settled = result;
        if (!reusable(result) && this.entries.get(key) === entry) this.entries.delete(key);
      },
      () => this.entries.get(key) === entry && this.entries.delete(key),
    );
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  changed(what: 'any' | 'issued'): void {
    if (what === 'issued') {
      this.issued++;
      return;
    }
    this.generation++;
    this.entries.clear();
  }

  size(): number {
    return this.entries.size;
  }
}
