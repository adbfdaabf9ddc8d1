// Import graph of our own .ts files, its cycles and its forbidden edges: the facts the structure test checks.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** Each file (relative to the root, `/`-separated) with the files it imports, sorted. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;
export type Edge = { from: string; to: string };
/** Files under any `from` folder may not import files under any `to` folder. */
export type Rule = { from: readonly string[]; to: readonly string[] };

const toPosix = (path: string): string => path.split(sep).join('/');
const isUnder = (file: string, folder: string): boolean => file === folder || file.startsWith(`${folder}/`);
const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();

function listTsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listTsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// Only our own TypeScript counts: bare package names, JSON, CSS and other assets resolve to nothing.
function resolveImport(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(fromFile), specifier);
  return [target, `${target}.ts`, join(target, 'index.ts')].find((path) => path.endsWith('.ts') && isFile(path));
}

/**
 * Every .ts file under `folders` of `rootDir` with the files it imports: static imports, `import type`,
 * `export … from`, `import x = require(…)` and `import('…')` with a literal, since any of them ties two files.
 * `skip` lists root-relative files left out whole (generated code with no imports).
 */
export function importGraph(rootDir: string, folders: readonly string[], skip: readonly string[] = []): ImportGraph {
  const root = resolve(rootDir);
  const files = folders
    .flatMap((folder) => listTsFiles(join(root, folder)))
    .filter((file) => !skip.includes(toPosix(relative(root, file))))
    .sort();
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = importedFiles
        .map(({ fileName }) => resolveImport(file, fileName))
        .filter((target): target is string => target !== undefined)
        .map((target) => toPosix(relative(root, target)));
      return [toPosix(relative(root, file)), [...new Set(targets)].sort()];
    }),
  );
}

/**
 * Tarjan's strongly connected components with more than one file, or one file importing itself. A component is
 * reported whole rather than as its elementary cycles: it is the set of files that must be untangled together.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  const visit = (file: string): void => {
    index.set(file, index.size);
    lowLink.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        lowLink.set(file, Math.min(lowLink.get(file)!, lowLink.get(target)!));
      } else if (onStack.has(target)) {
        lowLink.set(file, Math.min(lowLink.get(file)!, index.get(target)!));
      }
    }
    if (lowLink.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) cycles.push(component.sort());
  };

  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The imports that break `rule`, in graph order. */
export function forbiddenImports(graph: ImportGraph, rule: Rule): Edge[] {
  return [...graph].flatMap(([from, targets]) =>
    rule.from.some((folder) => isUnder(from, folder))
      ? targets.filter((to) => rule.to.some((folder) => isUnder(to, folder))).map((to) => ({ from, to }))
      : [],
  );
}

/** The imports between the files of one cycle: where the cycle can be cut. */
export function cycleEdges(graph: ImportGraph, cycle: readonly string[]): Edge[] {
  return cycle.flatMap((from) => (graph.get(from) ?? []).filter((to) => cycle.includes(to)).map((to) => ({ from, to })));
}
