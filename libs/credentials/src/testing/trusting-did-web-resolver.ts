import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DidWebHttpsResolverOptions } from '../did/did-web-https-resolver';
import {
  type DidWebDocumentResolver,
  DidWebResolutionError,
  type DidWebResolutionErrorCode,
  type ResolvedDidWebDocument,
} from '../did/did-web-resolution';

const REGISTER = join(__dirname, '..', '..', '..', 'event-sourcing', 'src', 'testing', 'swc-register.cjs');
const CHILD = join(__dirname, 'did-web-resolver.child.ts');

export interface TrustingDidWebResolver extends DidWebDocumentResolver {
  /** How many resolutions were asked for. */
  calls(): number;
  close(): Promise<void>;
}

type Answer =
  | { id: number; ok: true; result: ResolvedDidWebDocument }
  | { id: number; ok: false; code: DidWebResolutionErrorCode | 'UNEXPECTED'; message: string; url?: string };

/**
 * The production {@link DidWebHttpsResolver}, run in a child process started with NODE_EXTRA_CA_CERTS = `caFile`:
 * Node reads that variable only at start-up, so this is how a test trusts its own CA without touching TLS
 * checks anywhere. Resolution errors come back as {@link DidWebResolutionError}s with their codes. Test servers
 * listen on localhost, which the resolver refuses by default: unless `options.allowHosts` says otherwise, this
 * resolver allow-lists `localhost` (and nothing else).
 */
export async function startTrustingDidWebResolver(
  caFile: string,
  options: Omit<DidWebHttpsResolverOptions, 'clock'> = {},
): Promise<TrustingDidWebResolver> {
  const child = spawn(process.execPath, ['-r', REGISTER, CHILD, JSON.stringify({ allowHosts: ['localhost'], ...options })], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-10_000)));
  const waiting = new Map<number, (answer: Answer) => void>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the resolver process did not start: ${stderr}`)), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the resolver process exited with ${code}: ${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as Answer | { ready: true };
      if ('ready' in message) {
        clearTimeout(timer);
        return resolve();
      }
      waiting.get(message.id)?.(message);
      waiting.delete(message.id);
    });
  });
  let next = 0;
  return {
    calls: () => next,
    resolve(did) {
      const id = ++next;
      return new Promise<ResolvedDidWebDocument>((resolve, reject) => {
        waiting.set(id, (answer) => {
          if (answer.ok) return resolve(answer.result);
          if (answer.code === 'UNEXPECTED') return reject(new Error(answer.message));
          reject(new DidWebResolutionError(answer.code, answer.message, answer.url));
        });
        child.stdin!.write(`${JSON.stringify({ id, did })}\n`);
      });
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}
