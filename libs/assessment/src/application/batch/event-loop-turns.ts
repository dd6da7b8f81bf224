import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Lets long work share the process: `turn()` hands the event loop to other requests once `sliceMs` of work went
 * by since the last hand-over. The embedded store and read models are synchronous underneath, so a long upload
 * otherwise runs entirely in microtasks and every service of the process waits for it.
 */
export class EventLoopTurns {
  private since = performance.now();

  constructor(private readonly sliceMs = 20) {}

  async turn(): Promise<void> {
    if (performance.now() - this.since < this.sliceMs) return;
    await nextTurn();
    this.since = performance.now();
  }
}
