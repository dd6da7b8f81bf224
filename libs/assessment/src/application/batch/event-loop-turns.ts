import { shareEventLoop } from '@alliance/event-sourcing';

/**
 * Lets long work share the process: `turn()` hands the event loop to other requests once `sliceMs` of work went
 * by in the current turn. The embedded store and read models are synchronous underneath, so a long upload
 * otherwise runs entirely in microtasks and every service of the process waits for it. The turn is shared with
 * the process's other background loops (bus delivery, projections), so together they hold it for one slice.
 */
export class EventLoopTurns {
  constructor(private readonly sliceMs = 15) {}

  async turn(): Promise<void> {
    await shareEventLoop(this.sliceMs);
  }
}
