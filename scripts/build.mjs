// Compiles apps/, libs/, bench/ and test/support/ to dist/ with swc (type checking is `npm run typecheck`),
// and copies the JSON/JSON-LD assets that sit beside the code.
import { transformFile } from '@swc/core';
import { createRequire } from 'node:module';
import { mkdir, readdir, writeFile, copyFile, rm } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(import.meta.url);
const swcOptions = require('./swc-options.cjs');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'dist');
const started = Date.now();

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') yield* walk(full);
    } else yield full;
  }
}

await rm(out, { recursive: true, force: true });
const jobs = [];
let compiled = 0;
let copied = 0;
// test/support: the scenario helpers the benchmarks share with the cross-service tests.
for (const top of ['apps', 'libs', 'bench', 'test/support']) {
  for await (const file of walk(path.join(root, top))) {
    const rel = path.relative(root, file);
    if (/\.spec\.ts$/.test(rel) || /(^|\/)__tests__\//.test(rel)) continue;
    if (rel.endsWith('.ts') && !rel.endsWith('.d.ts')) {
      const target = path.join(out, rel.replace(/\.ts$/, '.js'));
      jobs.push(
        (async () => {
          const { code, map } = await transformFile(file, {
            ...swcOptions(),
            filename: file,
            sourceFileName: path.relative(path.dirname(target), file),
          });
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, code + `\n//# sourceMappingURL=${path.basename(target)}.map`);
          if (map) await writeFile(target + '.map', map);
          compiled++;
        })(),
      );
    } else if (/\.(json|jsonld|sql|md)$/.test(rel) && rel.includes('/src/')) {
      const target = path.join(out, rel);
      jobs.push(
        (async () => {
          await mkdir(path.dirname(target), { recursive: true });
          await copyFile(file, target);
          copied++;
        })(),
      );
    }
  }
}
await Promise.all(jobs);
console.log(JSON.stringify({ level: 'info', msg: 'build finished', compiled, copied, ms: Date.now() - started }));
