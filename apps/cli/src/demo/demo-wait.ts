import { pollUntil } from '@alliance/event-sourcing';
import { DemoError } from './demo-http';

/** How long the demo waits for what the services do asynchronously, and whom it tells while it waits. */
export interface Patience {
  timeoutMs: number;
  /** Called about once a second during a wait: what is awaited, for how long so far, and the state of things. */
  onWait?: (what: string, elapsedMs: number, seen?: string) => void;
}

const POLL_MS = 250;

/**
 * Polls until the probe yields a value: services learn of each other's events over the bus, so a step that
 * follows another service's write can see nothing yet. `lastSeen` words the state of things for progress and for the timeout.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  patience: Patience,
  lastSeen?: () => string | undefined,
): Promise<T> {
  let told = 0;
  return pollUntil(probe, {
    timeoutMs: patience.timeoutMs,
    intervalMs: POLL_MS,
    onWait: (elapsed) => {
      if (!patience.onWait || elapsed - told < 1000) return;
      told = elapsed;
      patience.onWait(what, elapsed, lastSeen?.());
    },
    timedOut: () => {
      const seen = lastSeen?.();
      return new DemoError(
        `gave up after ${Math.round(patience.timeoutMs / 1000)} s waiting for ${what}${seen ? ` (last answer: ${seen})` : ''}. ` +
          "Check the platform's log and `npm run cli -- dead-letters list` for a message a service could not handle, or rerun with a longer --timeout.",
      );
    },
  });
}
