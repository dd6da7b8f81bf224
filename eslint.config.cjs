const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

const contexts = ['catalogue', 'enrolment', 'assessment', 'issuance', 'verification', 'audit', 'signer'];

module.exports = [
  { ignores: ['**/node_modules/**', '**/dist/**', '.tools/**', 'infra/kafka/.lib/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      // apps -> context libs -> kernel libs; a context never imports another context.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:composition', 'type:context', 'type:kernel'] },
            // The composition lib assembles contexts for the executables (service list, audit folders).
            { sourceTag: 'type:composition', onlyDependOnLibsWithTags: ['type:context', 'type:kernel'] },
            { sourceTag: 'type:context', onlyDependOnLibsWithTags: ['type:kernel'] },
            { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:kernel'] },
            ...contexts.map((c) => ({ sourceTag: `scope:${c}`, onlyDependOnLibsWithTags: [`scope:${c}`, 'scope:shared'] })),
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // CommonJS glue loaded by jest and node directly.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
