import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ChildConfig } from './process-config';

const register = join(__dirname, '..', '..', '..', '..', 'event-sourcing', 'src', 'testing', 'swc-register.cjs');

export interface Child {
  process: ChildProcess;
  /** SIGKILL: no shutdown hooks, no final commit or checkpoint. */
  kill(): Promise<void>;
  /** Settles when the process ended, however. */
  exited: Promise<void>;
  stderr(): string;
}

/** Starts a relay or consumer child process from its TypeScript source and waits until it says it is ready. */
export async function spawnChild(kind: 'relay' | 'consumer', config: ChildConfig, timeoutMs = 30_000): Promise<Child> {
  const child = spawn(process.execPath, ['-r', register, join(__dirname, `${kind}-process.ts`), JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KAFKAJS_NO_PARTITIONER_WARNING: '1' },
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} process not ready after ${timeoutMs} ms: ${errors}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} process exited with ${code}: ${errors}`));
    });
  });
  return {
    process: child,
    stderr: () => errors,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
