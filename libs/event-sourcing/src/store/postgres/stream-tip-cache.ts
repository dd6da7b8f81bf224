import type { StreamTip } from '../append/chain-events';

/**
 * Recently seen stream tips, so an append after a read (the usual decide-then-append) needs no extra
 * round trip to learn the previous hash. Never trusted for correctness: the append function re-checks.
 */
export class StreamTipCache {
  private readonly tips = new Map<string, StreamTip>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): StreamTip | undefined {
    const tip = this.tips.get(streamId);
    if (tip) {
      this.tips.delete(streamId);
      this.tips.set(streamId, tip);
    }
    return tip;
  }

  /** Keeps the newest revision seen; a slower reader cannot move the cache backwards. */
  remember(streamId: string, tip: StreamTip): void {
    const known = this.tips.get(streamId);
    if (known && known.revision >= tip.revision) return;
    this.tips.delete(streamId);
    this.tips.set(streamId, tip);
    if (this.tips.size > this.capacity) this.tips.delete(this.tips.keys().next().value as string);
  }
}
