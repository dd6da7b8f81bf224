import type { EventStoreConfig } from '@alliance/event-sourcing';

/** What a test hands to a relay or consumer child process (as JSON in argv[2]). */
export interface ChildConfig {
  brokers: string[];
  topicPrefix: string;
  partitions: number;
  source: string;
  /** Read model and relay checkpoint database. */
  databaseUrl: string;
  store?: EventStoreConfig;
  relayName?: string;
  group?: string;
  /** The relay dies (SIGKILL on itself) at this checkpoint save: after a publish, before its checkpoint. */
  crashAtCheckpoint?: number;
}

export function readChildConfig(): ChildConfig {
  return JSON.parse(process.argv[2]) as ChildConfig;
}

/** Tells the parent the child is up; the parent waits for this line before it goes on. */
export function announceReady(): void {
  process.stdout.write('ready\n');
}
