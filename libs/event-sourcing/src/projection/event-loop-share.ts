/**
 * Cooperative turns for long background work that runs on promises alone. The embedded store (node:sqlite) and
 * the embedded read models (PGlite) answer through resolved promises without ever giving the event loop back, so
 * a loop over thousands of events would otherwise hold every request of the process until it ends.
 *
 * `shareEventLoop()` returns at once while the current turn is younger than its slice; past it, the caller waits
 * for the next macrotask. Every waiter wakes on the same `setImmediate`, which starts one new turn they share, so
 * many concurrent loops (bus partitions, projections, relays) together hold the loop for about one slice, not one
 * slice each.
 */
const DEFAULT_SLICE_MS = 15;

let turnStarted = performance.now();
let nextTurn: Promise<void> | undefined;

export function shareEventLoop(sliceMs = DEFAULT_SLICE_MS): Promise<void> | undefined {
  return performance.now() - turnStarted < sliceMs ? undefined : nextEventLoopTurn();
}

/** Always waits for the next shared turn: between units of work that are each long (a projection batch). */
export function nextEventLoopTurn(): Promise<void> {
  nextTurn ??= new Promise<void>((resolve) =>
    setImmediate(() => {
      nextTurn = undefined;
      turnStarted = performance.now();
      resolve();
    }),
  );
  return nextTurn;
}
