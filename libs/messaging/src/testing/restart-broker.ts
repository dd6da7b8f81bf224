import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const script = join(__dirname, '..', '..', '..', '..', 'infra', 'kafka', 'kafka.sh');

/**
 * Restarts the test broker without blocking the event loop (unlike the synchronous helper of
 * libs/testing), so producers and consumers in this process live through the outage instead of sleeping.
 */
export async function restartBrokerWhileRunning(): Promise<void> {
  await promisify(execFile)('bash', [script, 'restart'], { timeout: 120_000 });
}
