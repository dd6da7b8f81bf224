// Lets a plain `node` process (e.g. a child process a test spawns and kills) load the TypeScript sources
// directly: `node -r <this file> child.ts`. Compiles with the same swc options as jest and the build, so
// path aliases and decorators behave identically. Test and benchmark tooling only.
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const swcOptions = require(path.resolve(__dirname, '../../../../scripts/swc-options.cjs'));

const options = swcOptions();
Module._extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...options, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
