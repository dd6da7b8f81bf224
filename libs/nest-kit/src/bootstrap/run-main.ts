import { ConfigValidationError } from '../config/config-error';
import { describeStartupFailure } from './startup-failure';

/**
 * Runs an executable's start function: a configuration error prints what to fix and exits 2; storage the
 * service cannot use (its data folder, its PostgreSQL database) prints one line naming it, the cause and what to
 * do next, and exits 3 (folder) or 4 (database);
 * SIGTERM/SIGINT shut down gracefully, a second signal forces the exit.
 */
export function runMain(start: () => Promise<{ close(): Promise<void> }>): void {
  let running: { close(): Promise<void> } | undefined;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stdout.write(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: 'shutting down', signal }) + '\n');
    (running?.close() ?? Promise.resolve()).then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(JSON.stringify({ level: 'error', msg: 'shutdown failed', error: String(e) }) + '\n');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  start().then(
    (r) => {
      running = r;
    },
    (e: unknown) => {
      if (e instanceof ConfigValidationError) {
        process.stderr.write(JSON.stringify({ level: 'fatal', msg: e.message, variables: e.problems.map((p) => p.variable) }) + '\n');
        process.exit(2);
      }
      const failure = describeStartupFailure(e);
      if (failure) {
        process.stderr.write(JSON.stringify({ ...failure.line, time: new Date().toISOString() }) + '\n');
        process.exit(failure.exitCode);
      }
      const cause =
        e instanceof Error && e.cause !== undefined ? { cause: e.cause instanceof Error ? e.cause.stack : String(e.cause) } : {};
      process.stderr.write(
        JSON.stringify({ level: 'fatal', msg: 'start-up failed', error: e instanceof Error ? e.stack : String(e), ...cause }) + '\n',
      );
      process.exit(1);
    },
  );
}
