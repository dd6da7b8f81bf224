import 'reflect-metadata';
import { ConfigValidationError } from '@alliance/nest-kit';
import { buildProgram } from './program';

// A reader that stops early (`alliance audit export | head`) closes the pipe: that is the reader's choice,
// not a failure of the command, so end quietly as other Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

buildProgram()
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof ConfigValidationError ? e.message : e instanceof Error ? e.message : String(e)}\n`);
    process.exit(e instanceof ConfigValidationError ? 2 : 1);
  });
