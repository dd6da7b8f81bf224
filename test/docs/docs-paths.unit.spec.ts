import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importedNames, libExports, problemsOf, proseLines, referencesIn } from './doc-references';

const root = join(__dirname, '..', '..');
const docsDir = join(root, 'docs');
/** The documents whose every backticked repo path, relative link and table symbol must exist. */
const checked = [
  ...readdirSync(docsDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(docsDir, f)),
  join(root, 'libs/event-sourcing/README.md'),
  join(root, 'libs/nest-kit/README.md'),
];

describe('the reference checker (on made-up documents)', () => {
  const doc = join(root, 'libs/event-sourcing/README.md');

  it('resolves repo paths from the root, src/ paths from the document, and skips placeholders and code', () => {
    const md = [
      'See `libs/nope/missing.ts`, `src/index.ts`, `DATA_DIR/<service>/x`, `node:sqlite`.',
      '```',
      '`libs/in/code.ts`',
      '```',
    ].join('\n');
    const refs = referencesIn(md, doc, root);
    expect(refs.map((r) => r.written)).toEqual(['libs/nope/missing.ts', 'src/index.ts']);
    expect(refs.flatMap((r) => problemsOf(r, root))).toEqual([
      'libs/event-sourcing/README.md:1 `libs/nope/missing.ts`: no such file or folder',
    ]);
  });

  it('checks the symbols a table row names beside a file or folder, and relative links', () => {
    const md = [
      '| rule | file | symbol |',
      '|---|---|---|',
      '| x | `src/expected-revision.ts` | `NO_STREAM`, `NO_SUCH_THING` |',
      '[gone](../gone.md)',
      '| y | `src/decider/` | `createCommandHandler` |',
    ].join('\n');
    const problems = referencesIn(md, doc, root).flatMap((r) => problemsOf(r, root));
    expect(problems).toEqual([
      'libs/event-sourcing/README.md:3 `src/expected-revision.ts`: no `NO_SUCH_THING` in it',
      'libs/event-sourcing/README.md:4 `../gone.md`: no such file or folder',
    ]);
  });

  it('reads the names a ts snippet imports from a lib', () => {
    const md = "```ts\nimport { createCommandHandler, type Decider as D } from '@alliance/event-sourcing';\n```";
    expect(importedNames(md)).toEqual([
      { lib: 'event-sourcing', name: 'createCommandHandler' },
      { lib: 'event-sourcing', name: 'Decider' },
    ]);
    expect(libExports(join(root, 'libs/event-sourcing/src'), 'createCommandHandler')).toBe(true);
    expect(libExports(join(root, 'libs/event-sourcing/src'), 'noSuchExport')).toBe(false);
  });
});

describe('docs and kernel READMEs name only what exists', () => {
  it.each(checked.map((path) => [path.slice(root.length + 1), path]))('%s', (_name, path) => {
    expect(existsSync(path)).toBe(true);
    const markdown = readFileSync(path, 'utf8');
    const refs = referencesIn(markdown, path, root);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.flatMap((r) => problemsOf(r, root))).toEqual([]);
    const missingImports = importedNames(markdown)
      .filter(({ lib, name }) => !libExports(join(root, 'libs', lib, 'src'), name))
      .map(({ lib, name }) => `@alliance/${lib} exports no ${name}`);
    expect(missingImports).toEqual([]);
  });

  it('ARCHITECTURE.md maps at least 20 rules to a file and a symbol', () => {
    const path = join(docsDir, 'ARCHITECTURE.md');
    const rows = referencesIn(readFileSync(path, 'utf8'), path, root).filter((r) => r.symbols.length > 0);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(proseLines(readFileSync(path, 'utf8')).some((l) => /^\|\s*rule\s*\|\s*file\s*\|\s*symbol\s*\|/.test(l))).toBe(true);
  });
});
