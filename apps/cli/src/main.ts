import 'reflect-metadata';
import { ConfigValidationError } from '@alliance/nest-kit';
import { buildProgram } from './program';

buildProgram()
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof ConfigValidationError ? e.message : e instanceof Error ? e.message : String(e)}\n`);
    process.exit(e instanceof ConfigValidationError ? 2 : 1);
  });
