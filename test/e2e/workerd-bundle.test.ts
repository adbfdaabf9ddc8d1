// The worker bundle stays edge-clean: no node:fs, no native module, and no app module on the worker's path that
// reads files, the process environment or keeps state in module memory that a request could depend on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkerBundle, ROOT, type WorkerBundle } from '../support/workerd.ts';

type Metafile = {
  inputs: Record<string, { imports: { path: string; external?: boolean; original?: string }[] }>;
  outputs: Record<string, { imports: { path: string; external?: boolean }[]; entryPoint?: string }>;
};

// Node modules that mean file access or processes: never on the edge (workerd's node:fs is an in-memory stand-in).
const FORBIDDEN = /^(node:)?(fs|fs\/promises|child_process|worker_threads|cluster|module|vm|v8|inspector)$/;
// Packages that load compiled addons, and the loaders they use.
const NATIVE_LOADERS = new Set(['bindings', 'node-gyp-build', 'prebuild-install', '@neon-rs/load', 'node-addon-api', 'nan']);

let bundle: WorkerBundle;
let meta: Metafile;
let appInputs: string[];

beforeAll(async () => {
  bundle = await buildWorkerBundle();
  meta = JSON.parse(readFileSync(bundle.metafile, 'utf8')) as Metafile;
  appInputs = Object.keys(meta.inputs).filter((path) => !path.startsWith('node_modules/') && !path.includes(':') && /\.(ts|js|mjs)$/.test(path));
});

/** How `target` gets into the bundle: target ← its importer ← … ← the entry point (first importer at each step). */
function importChain(metafile: Metafile, target: string): string[] {
  const importers = new Map<string, string>();
  for (const [from, input] of Object.entries(metafile.inputs)) for (const { path } of input.imports) if (!importers.has(path)) importers.set(path, from);
  const chain = [target];
  for (let at = importers.get(target); at && !chain.includes(at); at = importers.get(at)) chain.push(at);
  return chain;
}

/**
 * Module-level variables that are caches of constant data (the same on every instance, never written by a
 * request), each with the reason it is allowed.
 */
const CONSTANT_CACHES: Record<string, string> = {
  'agents/retrieval/synonyms.ts: let indexes: Record<Lang, ConceptIndex> | undefined;': 'built once from the constant synonym tables',
};

/** "node_modules/@scope/name/…" → "node_modules/@scope/name" */
const packageDir = (input: string) => /^(node_modules\/(?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];

describe('the worker bundle (wrangler deploy --dry-run)', () => {
  it('imports no file-system, process or worker module', () => {
    const externals = new Set(Object.values(meta.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path)));
    const forbidden = Object.keys(meta.inputs).filter((path) => FORBIDDEN.test(path.replace(/^node-built-in-modules:/, '')));
    const chains = forbidden.map((path) => importChain(meta, path).join(' ← ')).join('\n');
    expect([...externals].filter((path) => FORBIDDEN.test(path)), `imported through:\n${chains}`).toEqual([]);
    // A require() the bundler could not see, e.g. behind a variable, still shows up as text.
    const code = readFileSync(bundle.script, 'utf8');
    expect(code.match(/\brequire\(\s*["'](node:)?fs(\/promises)?["']\s*\)|\bfrom\s*["'](node:)?fs(\/promises)?["']/g) ?? []).toEqual([]);
  });

  it('contains no native module', () => {
    const packages = [...new Set(Object.keys(meta.inputs).map(packageDir).filter((dir): dir is string => Boolean(dir)))];
    const native = packages.filter((dir) => {
      const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { name: string; gypfile?: boolean; dependencies?: Record<string, string> };
      return (
        manifest.gypfile === true ||
        existsSync(join(ROOT, dir, 'binding.gyp')) ||
        NATIVE_LOADERS.has(manifest.name) ||
        Object.keys(manifest.dependencies ?? {}).some((name) => NATIVE_LOADERS.has(name)) ||
        // libsql's Node binding and its per-platform packages; the worker must use @libsql/client/web.
        /^(libsql|@libsql\/(linux|darwin|win32)-.*)$/.test(manifest.name)
      );
    });
    expect(native).toEqual([]);
    expect(Object.keys(meta.inputs).filter((path) => path.endsWith('.node') || path.endsWith('.wasm'))).toEqual([]);
    expect(Object.keys(meta.inputs)).not.toContain('node_modules/@libsql/client/lib-esm/node.js');
  });

  it('includes only app modules that do no file or process I/O and keep no state in module memory', () => {
    expect(appInputs).toContain('functions/app.ts');
    const problems = appInputs.flatMap((path) => {
      const source = readFileSync(join(ROOT, path), 'utf8');
      const found: string[] = [];
      if (path.endsWith('.node.ts')) found.push('a Node-only module (*.node.ts)');
      for (const [, specifier] of source.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        if (specifier && (FORBIDDEN.test(specifier) || /^node:(os|path|url|net|http|https|process)$/.test(specifier))) found.push(`imports ${specifier}`);
      }
      if (/\bprocess\.(env|argv|cwd)\b/.test(source.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) found.push('reads process.env/argv/cwd (configuration arrives as bindings)');
      // Module-level mutable state would be shared by every request of the isolate, and invisible to other instances.
      for (const [line] of source.matchAll(/^(?:export\s+)?(?:let|var)\s+\w+.*$|^(?:export\s+)?const\s+\w+(?:\s*:[^=]+)?\s*=\s*new\s+(?:Map|Set|WeakMap|Array)\b.*$/gm)) {
        if (!CONSTANT_CACHES[`${path}: ${line.trim()}`]) found.push(`module state: ${line.trim()}`);
      }
      return found.map((problem) => `${path}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });

  it('reports its size (printed, not asserted)', () => {
    const gzipped = gzipSync(readFileSync(bundle.script)).length;
    console.log(`worker bundle: ${(bundle.bytes / 1024).toFixed(0)} KiB, ${(gzipped / 1024).toFixed(0)} KiB gzipped, ${appInputs.length} app modules`);
    expect(bundle.bytes).toBeGreaterThan(0);
  });
});
