/**
 * Read-your-writes: a write answers only once the read models include it, so a client that creates a
 * resource and reads it back at once sees it. Implemented by the projection runners.
 */
export abstract class ReadModelSync {
  abstract caughtUp(position: number | undefined): Promise<void>;
}
