import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SHARE_ENV, Worker } from 'node:worker_threads';

const execFileAsync = promisify(execFile);

/** Where SoftHSM2's PKCS#11 module is installed on Debian/Ubuntu (both layouts), other Linux and Homebrew. */
const SOFTHSM_MODULE_CANDIDATES = [
  '/usr/lib/softhsm/libsofthsm2.so',
  `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/softhsm/libsofthsm2.so`,
  '/usr/lib64/pkcs11/libsofthsm2.so',
  '/usr/lib64/softhsm/libsofthsm2.so',
  '/usr/local/lib/softhsm/libsofthsm2.so',
  '/opt/homebrew/lib/softhsm/libsofthsm2.so',
];

/** Path of libsofthsm2.so (SOFTHSM2_MODULE overrides the usual places), or undefined when SoftHSM2 is not installed. */
export function softHsmModulePath(): string | undefined {
  const override = process.env.SOFTHSM2_MODULE;
  if (override) return existsSync(override) ? override : undefined;
  return SOFTHSM_MODULE_CANDIDATES.find((p) => existsSync(p));
}

export interface SoftHsmToken {
  modulePath: string;
  tokenLabel: string;
  pin: string;
  /**
   * Environment that points SoftHSM2 at this token's directory. SoftHSM2 reads SOFTHSM2_CONF in C_Initialize:
   * apply it with {@link useSoftHsmEnv} before opening a store in this process, pass it as env to other processes.
   */
  env: { SOFTHSM2_CONF: string };
}

/**
 * Creates a SoftHSM2 token of its own under `directory` (softhsm2.conf and tokens/ inside it) and initialises
 * it with `label` and the user `pin` (random digits when omitted).
 */
export async function createSoftHsmToken(options: { directory: string; label: string; pin?: string }): Promise<SoftHsmToken> {
  const modulePath = softHsmModulePath();
  if (!modulePath) throw new Error('SoftHSM2 is not installed (no libsofthsm2.so found): apt-get install softhsm2');
  const directory = resolve(options.directory);
  const tokenDir = join(directory, 'tokens');
  await mkdir(tokenDir, { recursive: true, mode: 0o700 });
  const conf = join(directory, 'softhsm2.conf');
  await writeFile(conf, `directories.tokendir = ${tokenDir}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`, {
    mode: 0o600,
  });
  const pin = options.pin ?? String(randomInt(10_000_000, 100_000_000));
  const soPin = String(randomInt(10_000_000, 100_000_000));
  const env = { SOFTHSM2_CONF: conf };
  try {
    await execFileAsync('softhsm2-util', ['--init-token', '--free', '--label', options.label, '--so-pin', soPin, '--pin', pin], {
      env: { ...process.env, ...env },
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string; stdout?: string };
    if (err.code === 'ENOENT') throw new Error('softhsm2-util is not on PATH: apt-get install softhsm2', { cause: e });
    throw new Error(`softhsm2-util --init-token failed: ${(err.stderr || err.stdout || err.message).trim()}`, { cause: e });
  }
  return { modulePath, tokenLabel: options.label, pin, env };
}

const SET_SOFTHSM2_CONF = `
const { parentPort, workerData } = require('node:worker_threads');
const previous = process.env.SOFTHSM2_CONF;
if (workerData === null) delete process.env.SOFTHSM2_CONF;
else process.env.SOFTHSM2_CONF = workerData;
parentPort.postMessage(previous === undefined ? null : previous);
`;

/** Sets (null: removes) SOFTHSM2_CONF in the environment of the process itself; answers the value it replaced. */
function writeProcessSoftHsmConf(value: string | null): Promise<string | null> {
  return new Promise((resolve, reject) => {
    // A worker sharing the process environment writes the variables native code reads with getenv.
    const worker = new Worker(SET_SOFTHSM2_CONF, { eval: true, env: SHARE_ENV, workerData: value });
    let previous: string | null = null;
    worker.once('message', (m: string | null) => (previous = m));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve(previous) : reject(new Error(`setting SOFTHSM2_CONF failed (worker exit ${code})`)),
    );
  });
}

/**
 * Points SoftHSM2 at `env.SOFTHSM2_CONF` for the PKCS#11 modules this process initialises from now on, and
 * returns what undoes it. SoftHSM2 reads the variable with getenv in C_Initialize, so it has to be in the
 * environment of the process, not only in process.env: a test runner may hand tests a copy of process.env
 * (jest does), which native code never sees.
 */
export async function useSoftHsmEnv(env: { SOFTHSM2_CONF: string }): Promise<() => Promise<void>> {
  const previousLocal = process.env.SOFTHSM2_CONF;
  const previous = await writeProcessSoftHsmConf(env.SOFTHSM2_CONF);
  process.env.SOFTHSM2_CONF = env.SOFTHSM2_CONF;
  return async () => {
    await writeProcessSoftHsmConf(previous);
    if (previousLocal === undefined) delete process.env.SOFTHSM2_CONF;
    else process.env.SOFTHSM2_CONF = previousLocal;
  };
}
