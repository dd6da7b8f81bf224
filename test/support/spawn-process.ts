import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

/** Path of a built executable; the e2e suite runs the real build output, as users do. */
export function builtMain(app: string): string {
  const file = join(REPO_ROOT, 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests`);
  return file;
}

export interface SpawnedProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first output line matching, rejects on exit or timeout. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves once the process ended and its output was read to the end. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnNode(file: string, args: string[], env: NodeJS.ProcessEnv): SpawnedProcess {
  const child = spawn(process.execPath, [file, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    listeners.forEach((l) => l());
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => out,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = out.split('\n').find((l) => pattern.test(l));
          if (line !== undefined) {
            cleanup();
            resolve(line);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${pattern}; output so far:\n${out}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          if (listeners.has(check)) {
            cleanup();
            reject(new Error(`process exited before ${pattern}; output:\n${out}`));
          }
        });
        check();
      });
    },
  };
}

export interface CompletedRun {
  code: number | null;
  /** Standard output alone, for commands that print JSON. */
  stdout: string;
  /** Standard output and error interleaved, for failure messages. */
  output: string;
}

/** Runs a built executable to its end. */
export async function runNode(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<CompletedRun> {
  const proc = spawnNode(file, args, env);
  let stdout = '';
  proc.child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  const { code } = await proc.exited;
  return { code, stdout, output: proc.output() };
}

/** What a verifier that is not ours reads from a credential's status entries (see standard-status-reader.mjs). */
export interface StandardStatusReading {
  verified: boolean;
  results: { purpose: string; status: number }[];
  error?: string;
}

/**
 * Runs one of test/support's standalone scripts with `input` as JSON on stdin and parses its JSON answer: the
 * independent verifiers run in their own process because the @digitalbazaar packages are ES modules only.
 */
export async function runJsonScript<T>(script: string, input: unknown): Promise<T> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'test', 'support', script)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin.end(JSON.stringify(input));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`${script} exited with ${code}: ${err}`);
  return JSON.parse(out) as T;
}

/** Runs @digitalbazaar/vc-bitstring-status-list on a credential. */
export function readStatusAsAStandardVerifier(credential: unknown): Promise<StandardStatusReading> {
  return runJsonScript('standard-status-reader.mjs', credential);
}
