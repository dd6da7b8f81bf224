import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ReadModelDatabaseConfig } from '../../read-model/create-read-model-orm';
import type { EventStoreConfig } from '../../store/create-event-store';

/** What crash-child.ts runs with: the stores it opens and how it appends and projects. */
export interface CrashChildConfig {
  store: EventStoreConfig;
  readModels: ReadModelDatabaseConfig;
  /** Ticks to append while projecting. */
  append: number;
  /** Hang inside the batch transaction after applying this child's tick number `hangAt` (-1: never). */
  hangAt: number;
  batchSize: number;
  /** Pause after each append, so appending and projecting overlap (default 0). */
  appendDelayMs?: number;
}

export type ChildMessage = Record<string, unknown>;

const REGISTER = join(__dirname, '..', '..', 'testing', 'swc-register.cjs');
const CHILD = join(__dirname, 'crash-child.ts');

/**
 * Runs crash-child.ts in a real node process (TypeScript compiled on load by the swc require hook, the
 * same options as jest) and SIGKILLs it as soon as `killWhen` accepts one of its messages.
 */
export function runChildUntilKilled(
  config: CrashChildConfig,
  killWhen: (message: ChildMessage) => boolean,
  timeoutMs = 60_000,
): Promise<ChildMessage[]> {
  const child = spawn(process.execPath, ['-r', REGISTER, CHILD], {
    env: { ...process.env, CRASH_CHILD: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const messages: ChildMessage[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let killed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`crash child never reached its kill point; messages ${JSON.stringify(messages.slice(-5))}; stderr ${stderr}`));
    }, timeoutMs);
    createInterface({ input: child.stdout }).on('line', (line) => {
      let message: ChildMessage;
      try {
        message = JSON.parse(line) as ChildMessage;
      } catch {
        return;
      }
      messages.push(message);
      if (!killed && killWhen(message)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && killed) resolve(messages);
      else
        reject(
          new Error(
            `crash child exited on its own (code ${code}, signal ${signal}); messages ${JSON.stringify(messages.slice(-5))}; stderr ${stderr}`,
          ),
        );
    });
  });
}
