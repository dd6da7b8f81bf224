import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Top-level folders of the repository: a backticked span starting with one of them names a repo path. */
const REPO_FOLDERS = ['apps', 'libs', 'test', 'bench', 'infra', 'scripts', 'docs'];
/** A span that is a plain path: no placeholders (`<service>`), globs, braces or spaces. */
const PLAIN_PATH = /^[A-Za-z0-9._/-]+$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** One thing a document names that must exist: a path, or a symbol inside a file. */
export interface DocReference {
  doc: string;
  line: number;
  /** The path as written. */
  written: string;
  /** Absolute path it resolves to. */
  target: string;
  /** Identifiers the same table row says live in `target`. */
  symbols: string[];
}

/** The text outside fenced code blocks, line by line (fenced lines become empty so numbering holds). */
export function proseLines(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
}

/**
 * Where a written path points: repo folders from the root; `src/…` from the document's own folder (a lib's
 * README names its files that way); anything else is not a path this check understands.
 */
export function resolveWritten(written: string, docPath: string, root: string): string | undefined {
  const path = written.replace(/\/$/, '');
  if (!PLAIN_PATH.test(path) || !path.includes('/')) return undefined;
  const first = path.split('/')[0]!;
  if (REPO_FOLDERS.includes(first)) return join(root, path);
  if (first === 'src') return join(dirname(docPath), path);
  return undefined;
}

const spansOf = (text: string): string[] => [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);

/** The identifiers of a table cell made only of backticked names (`a`, `b`), else none. */
function symbolsOf(cell: string | undefined): string[] {
  if (!cell) return [];
  const spans = spansOf(cell);
  const rest = cell.replace(/`[^`\n]+`/g, '').replace(/[\s,·/]|and/g, '');
  return spans.length > 0 && rest === '' && spans.every((s) => IDENTIFIER.test(s)) ? spans : [];
}

/** Every backticked path and relative link of a document; table rows also carry the symbols beside a path. */
export function referencesIn(markdown: string, docPath: string, root: string): DocReference[] {
  const found: DocReference[] = [];
  proseLines(markdown).forEach((line, i) => {
    const cells = line.trim().startsWith('|') ? line.split('|').slice(1, -1) : [line];
    cells.forEach((cell, c) => {
      for (const written of spansOf(cell)) {
        const target = resolveWritten(written, docPath, root);
        if (!target) continue;
        const whole = cells.length > 1 && cell.trim() === `\`${written}\``;
        found.push({ doc: docPath, line: i + 1, written, target, symbols: whole ? symbolsOf(cells[c + 1]) : [] });
      }
    });
    for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      const link = m[1]!.split('#')[0]!;
      if (!link || /^[a-z]+:/i.test(link)) continue;
      found.push({ doc: docPath, line: i + 1, written: link, target: resolve(dirname(docPath), link), symbols: [] });
    }
  });
  return found;
}

/** What is wrong with one reference: a missing path, or symbols its file does not contain. */
export function problemsOf(ref: DocReference, root: string): string[] {
  const where = `${relative(root, ref.doc)}:${ref.line} \`${ref.written}\``;
  if (!existsSync(ref.target)) return [`${where}: no such file or folder`];
  if (ref.symbols.length === 0) return [];
  const text = statSync(ref.target).isFile() ? readFileSync(ref.target, 'utf8') : sourcesUnder(ref.target).join('\n');
  return ref.symbols.filter((s) => !new RegExp(`\\b${s.replace(/\$/g, '\\$')}\\b`).test(text)).map((s) => `${where}: no \`${s}\` in it`);
}

/** Names imported from `@alliance/<lib>` in the TypeScript code blocks of a document. */
export function importedNames(markdown: string): { lib: string; name: string }[] {
  const blocks = [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((code) =>
    [...code.matchAll(/import\s+(?:type\s+)?\{([^}]+)\}\s+from\s+'@alliance\/([a-z-]+)'/g)].flatMap((m) =>
      m[1]!
        .split(',')
        .map((n) =>
          n
            .replace(/^\s*type\s+/, '')
            .split(/\s+as\s+/)[0]!
            .trim(),
        )
        .filter(Boolean)
        .map((name) => ({ lib: m[2]!, name })),
    ),
  );
}

/** The text of every TypeScript source (specs left out) under a folder. */
export function sourcesUnder(folder: string): string[] {
  const texts: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) texts.push(readFileSync(path, 'utf8'));
    }
  }
  return texts;
}

/** Does some file under `srcDir` export `name` (declared, or in an export list)? */
export function libExports(srcDir: string, name: string): boolean {
  const declared = new RegExp(
    `export\\s+(?:declare\\s+)?(?:abstract\\s+)?(?:async\\s+)?(?:interface|type|class|function|const|let|enum)\\s+${name}\\b`,
  );
  const listed = new RegExp(`export\\s+(?:type\\s+)?\\{[^}]*\\b${name}\\b[^}]*\\}`);
  return sourcesUnder(srcDir).some((text) => declared.test(text) || listed.test(text));
}
