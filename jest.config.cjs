// Test kinds are told apart by file name: *.unit.spec.ts, *.int.spec.ts (real PostgreSQL and Kafka), *.e2e.spec.ts.
const swcOptions = require('./scripts/swc-options.cjs');

const esmPackages = ['jose', 'uuid', 'canonicalize', '@openid4vc'];
const transform = { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcOptions(), swcrc: false }] };
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  setupFiles: ['<rootDir>/test/setup/reflect-metadata.cjs'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tools/'],
};

module.exports = {
  // Read-model specs start PGlite (PostgreSQL in WebAssembly), which takes seconds on a loaded 2-core machine.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.unit.spec.ts'] },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/test/setup/engines.global-setup.cjs',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/test/setup/engines.global-setup.cjs',
    },
  ],
};
